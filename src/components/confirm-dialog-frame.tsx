import {
  type ComponentType,
  cloneElement,
  type FocusEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactElement,
  type ReactNode,
  type Ref,
  type RefObject,
  useEffect,
  useId,
  useRef,
  useState,
  version,
} from 'react'
import type { PartialLabels } from './labels'
import type { OnDemand } from './on-demand'
import { whenPageIdle } from './on-demand'
import { cx, useUi } from './ui-context'

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  /** The button that opens the confirmation; the focus returns to it when the confirmation closes. */
  trigger: ReactElement
  /** The question, e.g. "Delete the GitHub webhook?": the confirmation's accessible name. */
  title: ReactNode
  /** What confirming does (and whether it can be undone): the confirmation's accessible description. */
  description: ReactNode
  /** More to decide before confirming (e.g. a choice of grace periods), between the description and the buttons. */
  children?: ReactNode
  /** The confirm button's text, e.g. "Delete webhook". */
  confirmLabel: string
  /** The confirm button's text while `onConfirm` runs. @defaultValue confirmLabel */
  pendingLabel?: string
  /** The cancel button's text. @defaultValue labels.cancel */
  cancelLabel?: string
  /** `danger` for what cannot be undone (a delete), `primary` otherwise. @defaultValue 'primary' */
  tone?: 'primary' | 'danger'
  /**
   * Runs on confirm. While the promise it returns is pending (or while `pending` is true) the
   * confirmation stays open and busy; then it closes, whatever the outcome: show a failure beside
   * the trigger, where the focus returns (a rejection is not caught here).
   */
  onConfirm: () => unknown
  /** Busy from outside (e.g. the action's state in `useWebhookActions`): Cancel, Escape and confirm wait. */
  pending?: boolean
  /** Whether it is open (controlled); leave it out to let the trigger open it. */
  open?: boolean
  /** Open at first, when uncontrolled. @defaultValue false */
  defaultOpen?: boolean
  /** Called when it asks to open or close (the trigger, Cancel, Escape, after the confirmed action). */
  onOpenChange?: (open: boolean) => void
  /** Where to render it; pass the manager's root so its theme applies. @defaultValue document.body */
  container?: HTMLElement | null
  /** `data-action` of the confirm button (a styling and testing hook). */
  confirmAction?: string
  /** Label overrides, for translation (merged over the manager's or the defaults). */
  labels?: PartialLabels
  /** Class name of the confirmation's root element (merged last). */
  className?: string
}

/** What the Radix part (confirm-dialog-content.tsx) renders from: the props, made controlled, labels resolved. */
export interface ConfirmDialogContentProps
  extends Omit<ConfirmDialogProps, 'trigger' | 'open' | 'defaultOpen' | 'onOpenChange' | 'labels' | 'cancelLabel'> {
  cancelLabel: string
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The confirmation's id, which the trigger's `aria-controls` names. */
  id: string
  /** Where the focus returns when it closes. */
  trigger: RefObject<HTMLElement | null>
}

/** The Radix part, here already or loaded on demand. */
export type ConfirmDialogPart = Pick<OnDemand<ComponentType<ConfirmDialogContentProps>>, 'current' | 'load' | 'preload'>

interface TriggerHandlers {
  onClick?: (event: MouseEvent<HTMLElement>) => void
  onFocus?: (event: FocusEvent<HTMLElement>) => void
  onPointerEnter?: (event: PointerEvent<HTMLElement>) => void
}

/** React 19 passes an element's ref as a prop; React 18 keeps it on the element. */
function refOf(element: ReactElement): Ref<HTMLElement> | undefined {
  return Number.parseInt(version, 10) >= 19
    ? (element.props as { ref?: Ref<HTMLElement> }).ref
    : (element as unknown as { ref?: Ref<HTMLElement> }).ref
}

function setRef(ref: Ref<HTMLElement> | undefined, node: HTMLElement | null) {
  if (typeof ref === 'function') ref(node)
  else if (ref) (ref as { current: HTMLElement | null }).current = node
}

/**
 * `ConfirmDialog` around its Radix part: the trigger (with what Radix's `Dialog.Trigger` gave it:
 * `aria-haspopup`, `aria-expanded`, `aria-controls`, `data-state`) and the open state are rendered
 * here, without Radix; the part only while it is open. When the part loads on demand and is not
 * here yet, opening waits for it with the trigger busy (`aria-busy`, `data-loading`), and a
 * failed download is said beside the trigger (`labels.confirmUnavailable`) and tried again on
 * the next click.
 */
export function ConfirmDialogFrame({
  part,
  trigger,
  open: controlled,
  defaultOpen,
  onOpenChange,
  ...props
}: ConfirmDialogProps & { part: ConfirmDialogPart }) {
  const { labels: l } = useUi(props.labels)
  const [openInside, setOpenInside] = useState(defaultOpen ?? false)
  const open = controlled ?? openInside
  // Chosen once it is here; the trigger stays the same element meanwhile (the focus stays on it).
  const [Content, setContent] = useState(() => part.current)
  const [failed, setFailed] = useState(false)
  const triggerRef = useRef<HTMLElement | null>(null)
  const id = useId()
  const waiting = open && Content === undefined && !failed

  const latest = useRef({ controlled, onOpenChange })
  latest.current = { controlled, onOpenChange }
  const change = (next: boolean) => {
    if (latest.current.controlled === undefined) setOpenInside(next)
    latest.current.onOpenChange?.(next)
  }

  // Fetched while the page is idle, so that a click rarely waits.
  useEffect(() => (part.current ? undefined : whenPageIdle(part.preload)), [part])

  useEffect(() => {
    if (!waiting) return
    let mounted = true
    part.load().then(
      () => {
        if (mounted) setContent(() => part.current)
      },
      () => {
        if (!mounted) return
        setFailed(true)
        // Closed again, so the next click tries once more.
        if (latest.current.controlled === undefined) setOpenInside(false)
        latest.current.onOpenChange?.(false)
      },
    )
    return () => {
      mounted = false
    }
  }, [waiting, part])

  const element = trigger as ReactElement<TriggerHandlers>
  const host = element.props
  const childRef = refOf(element)
  // The host's handlers run first; a host's preventDefault() on click keeps it closed (as with Radix).
  const triggerProps = {
    ref: (node: HTMLElement | null) => {
      triggerRef.current = node
      setRef(childRef, node)
    },
    'aria-haspopup': 'dialog',
    'aria-expanded': open,
    'aria-controls': open && Content ? id : undefined,
    'data-state': open ? 'open' : 'closed',
    'aria-busy': waiting || undefined,
    'data-loading': waiting ? '' : undefined,
    onPointerEnter: (event: PointerEvent<HTMLElement>) => {
      host.onPointerEnter?.(event)
      part.preload()
    },
    onFocus: (event: FocusEvent<HTMLElement>) => {
      host.onFocus?.(event)
      part.preload()
    },
    onClick: (event: MouseEvent<HTMLElement>) => {
      host.onClick?.(event)
      if (event.defaultPrevented || waiting) return
      setFailed(false)
      change(!open)
    },
  }

  return (
    <>
      {cloneElement(element, triggerProps)}
      {Content && (
        <Content
          {...props}
          cancelLabel={props.cancelLabel ?? l.cancel}
          className={cx(props.className)}
          open={open}
          onOpenChange={change}
          id={id}
          trigger={triggerRef}
        />
      )}
      {failed && (
        <span data-iw="" data-slot="inline-error" role="alert">
          {l.confirmUnavailable}
        </span>
      )}
    </>
  )
}
