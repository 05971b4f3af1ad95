export * from "./admin-api";
export * from "./api";
export * from "./domain";
export * from "./reports-api";
export * from "./staff-api";
export * from "./team-work-api";
export * from "./text";
