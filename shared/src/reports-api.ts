/**
 * API shapes of Reports and dashboards (issue #5): periodic reports, province table, funding evidence, dashboard charts.
 * Shared by the bot-server (validation, OpenAPI) and the mini app (typed client); messages are
 * Vietnamese, they reach end users.
 */
export {};
