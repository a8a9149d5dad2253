import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OutcomeInputDto } from '@backtrack/server/contract';
import { request } from '../../shared/api/client.js';
import { ErrorMessage, Loading } from '../../shared/ErrorMessage.js';
import { OutcomeForm } from './OutcomeForm.js';
import { OutcomeSeriesView } from './OutcomeSeriesView.js';

const OUTCOMES_KEY = ['me', 'outcomes'] as const;

/** "How are you doing?": the runner records pain now or their hard activities, and sees the change over time. */
export function OutcomesCard() {
  const client = useQueryClient();
  const outcomes = useQuery({
    queryKey: OUTCOMES_KEY,
    queryFn: () => request('GET /api/me/outcomes'),
  });
  const record = useMutation({
    mutationFn: (json: OutcomeInputDto) => request('POST /api/me/outcomes', { json }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: OUTCOMES_KEY });
    },
  });
  return (
    <section className="card" aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">How are you doing?</h2>
      {outcomes.isPending ? <Loading /> : null}
      {outcomes.isError ? <ErrorMessage error={outcomes.error} /> : null}
      {outcomes.data && outcomes.data.series.length === 0 ? (
        <p>Nothing recorded yet. Record your pain or your hard activities now and again.</p>
      ) : null}
      {outcomes.data ? <OutcomeSeriesView series={outcomes.data.series} /> : null}
      <OutcomeForm
        idPrefix="my-outcome"
        pending={record.isPending}
        onSubmit={(input) => {
          record.mutate(input);
        }}
      />
      {record.isError ? <ErrorMessage error={record.error} /> : null}
      {record.isSuccess ? <p role="status">Recorded.</p> : null}
    </section>
  );
}
