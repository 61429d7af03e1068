'use client';
// A submit button that disables itself and says what is happening while its form's action runs.
import { useFormStatus } from 'react-dom';
import type { ReactNode } from 'react';
import { buttonClasses, type ButtonVariant } from './button';
import { Spinner } from './spinner';

export function SubmitButton({
  children,
  pendingLabel,
  variant = 'primary',
  name,
  value,
  className = '',
  keyShortcut,
}: {
  children: ReactNode;
  pendingLabel: string;
  variant?: ButtonVariant;
  name?: string;
  value?: string;
  className?: string;
  keyShortcut?: string;
}) {
  const { pending, data } = useFormStatus();
  // Several submit buttons may share a form: only the one that was pressed shows the pending label.
  const pressed = pending && (!name || data?.get(name) === value);
  return (
    <button type="submit" name={name} value={value} disabled={pending} aria-keyshortcuts={keyShortcut} className={buttonClasses(variant, className)}>
      {pressed ? (
        <>
          <Spinner />
          <span>{pendingLabel}</span>
        </>
      ) : (
        <>
          {children}
          {keyShortcut ? (
            <kbd aria-hidden="true" className="rounded border border-current/40 px-1 font-mono text-xs opacity-80">
              {keyShortcut}
            </kbd>
          ) : null}
        </>
      )}
    </button>
  );
}
