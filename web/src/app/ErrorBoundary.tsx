import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

/** A page that throws shows a message instead of an empty screen; the navigation still works. */
export class ErrorBoundary extends Component<
  { children: ReactNode; resetKey: string },
  { error: Error | null }
> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error)
      this.setState({ error: null });
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="error-summary" role="alert">
        <p className="error-title">This page could not be shown</p>
        <p>{this.state.error.message}</p>
      </div>
    );
  }
}
