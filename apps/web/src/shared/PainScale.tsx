/**
 * A 0–10 button scale: eleven radio buttons in a row (arrow keys move along
 * it), with the meaning of both ends.
 */
export function PainScale({
  name,
  value,
  onChange,
  describedBy,
}: {
  name: string;
  value: string;
  onChange: (value: string) => void;
  describedBy?: string;
}) {
  return (
    <div>
      <div className="scale">
        {Array.from({ length: 11 }, (_, n) => String(n)).map((n) => (
          <label key={n} className="scale__step">
            <input
              type="radio"
              name={name}
              value={n}
              checked={value === n}
              aria-describedby={describedBy}
              onChange={() => {
                onChange(n);
              }}
            />
            <span>{n}</span>
          </label>
        ))}
      </div>
      <p className="scale__ends" aria-hidden="true">
        <span>0 no pain</span>
        <span>10 worst imaginable</span>
      </p>
    </div>
  );
}
