/**
 * API shapes of Team work (issue #5): team activities, KPIs and targets, satisfaction surveys.
 * Shared by the bot-server (validation, OpenAPI) and the mini app (typed client); messages are
 * Vietnamese, they reach end users.
 */
export {};
