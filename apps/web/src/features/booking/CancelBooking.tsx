import { useState } from 'react';
import type { BookingDto } from '../../shared/api/types.js';
import { ErrorMessage } from '../../shared/ErrorMessage.js';
import { useCancelBooking } from './booking-queries.js';

/** Cancelling an appointment, asked twice: the button, then "Yes, cancel it" or "Keep it". */
export function CancelBooking({ booking, label }: { booking: BookingDto; label: string }) {
  const cancel = useCancelBooking(booking.id);
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className="button button--ghost"
        onClick={() => {
          setAsking(true);
        }}
      >
        Cancel…
      </button>
    );
  }
  return (
    <div className="notice notice--warning" role="group" aria-label={`Cancel ${label}?`}>
      <p className="notice__title">Cancel {label}?</p>
      <p>The time goes back to the clinic and you get a mail with the cancellation.</p>
      {cancel.isError ? <ErrorMessage error={cancel.error} /> : null}
      <div className="actions">
        <button
          type="button"
          className="button button--danger"
          disabled={cancel.isPending}
          onClick={() => {
            cancel.mutate(undefined, {
              onSuccess: () => {
                setAsking(false);
              },
            });
          }}
        >
          Yes, cancel it
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setAsking(false);
          }}
        >
          Keep it
        </button>
      </div>
    </div>
  );
}
