/**
 * A modal dialog on the native <dialog> element: the browser traps focus, Escape closes it,
 * and the rest of the page is inert. Focus returns to whatever opened it, so keyboard users
 * continue where they were (e.g. on "Add session" to enter the next one).
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { focusChain, focusIsLost, focusNear } from './focusKeeper';

interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}

export function Modal({ title, onClose, children, wide }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const openerChain = focusChain();
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      // The opener may have been re-rendered away (the dialog deleted what it acted on):
      // then focus goes to the nearest control still there, never to the page body.
      if (opener?.isConnected && !opener.matches(':disabled')) opener.focus();
      else if (focusIsLost() || document.activeElement === dialog || dialog?.contains(document.activeElement)) focusNear(openerChain);
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? 'modal modal-wide' : 'modal'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: close through React state, so the dialog unmounts cleanly.
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
