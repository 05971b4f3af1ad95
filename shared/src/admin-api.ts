/**
 * API shapes of Commune administration (issue #4): publishing news and documents, triage and public answers, villages, teams and members with invites, directory and FAQ management.
 * Shared by the bot-server (validation, OpenAPI) and the mini app (typed client); messages are
 * Vietnamese, they reach end users.
 */
export {};
