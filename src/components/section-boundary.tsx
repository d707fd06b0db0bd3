import { Component, type ErrorInfo, type ReactNode } from 'react'

interface SectionBoundaryProps {
  /** What shows instead of the part that failed to render. */
  fallback: ReactNode
  children: ReactNode
  /** Called with what the part threw (React also reports it to the console in development). */
  onError?: (error: unknown, info: ErrorInfo) => void
}

/**
 * Catches what one part of the UI throws while rendering (a value no code expected) and shows
 * `fallback` in its place, so the rest of the dialog, and the manager around it, stay on screen.
 * Key it by what it shows (the webhook's id) to try again with another value.
 */
export class SectionBoundary extends Component<SectionBoundaryProps, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError?.(error, info)
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children
  }
}
