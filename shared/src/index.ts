export * from "./api";
export * from "./domain";
export * from "./text";
