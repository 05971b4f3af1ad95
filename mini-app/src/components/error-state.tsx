/** What a section shows when its data could not be loaded, and the boundary that catches it. */
import { Component, type ReactNode } from "react";
import { messageOf } from "../api/errors";
import { retryFailed } from "../api/resource";
import { Icon } from "../icons";

export function ErrorState({
  error,
  message,
  onRetry,
}: {
  error?: unknown;
  message?: string;
  onRetry?: () => void;
}) {
  return (
    <div className="error-state" role="alert">
      <Icon name="alert" />
      <p className="lead">{message ?? messageOf(error)}</p>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          <Icon name="refresh" /> Thử lại
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <div className="empty">
      <Icon name="mine" />
      <div className="lead">{children}</div>
    </div>
  );
}

interface BoundaryState {
  error: unknown;
}

/** Catches a failed load below it; "Thử lại" drops the failed entries and renders again. */
export class ErrorBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error };
  }

  retry = () => {
    retryFailed();
    this.setState({ error: null });
  };

  override render() {
    if (this.state.error) return <ErrorState error={this.state.error} onRetry={this.retry} />;
    return this.props.children;
  }
}
