import type { ComponentType, LazyExoticComponent } from "react";

/** One page of the mini app: its path (react-router syntax) and its lazily loaded component. */
export interface PageRoute {
  path: string;
  Page: LazyExoticComponent<ComponentType>;
}
