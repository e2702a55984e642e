import { useEffect, useRef } from 'react';

/**
 * A native modal <dialog> shown for as long as it is mounted. When it goes (confirmed, cancelled or closed with
 * Escape), focus returns to the control that opened it, so a keyboard user carries on where they were.
 */
export function useModalDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    element?.showModal();
    return () => {
      element?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return dialog;
}
