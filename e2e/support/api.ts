/**
 * Seeds data through the HTTP API, as a client with its own cookie jar:
 * the CSRF double-submit token, an account, a finished assessment, a saved
 * plan, check-ins and imported activity files. Its cookies can be handed to a browser context, so a
 * page opens already signed in.
 */
import { benignAnswer, type ApiAnswer, type ApiQuestion } from './answers.js';
import { registrationLink } from './mail.js';
import { confirmTokenOf } from './outbox.js';

/** An interview as the API returns it (the fields the tests read). */
export interface ApiInterview {
  id: string;
  status: 'in_progress' | 'done';
  endedBecause?: string;
  next: { question: ApiQuestion; stage: string } | null;
  result?: { triage: { tier: string } };
}

/** A client of the API with a cookie jar. */
export class ApiClient {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseURL: string) {}

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    if (method !== 'GET') {
      headers['x-csrf-token'] = await this.csrf();
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    // A form is multipart: fetch sets its content type with the boundary.
    const form = body instanceof FormData ? body : undefined;
    if (body !== undefined && !form) headers['content-type'] = 'application/json';
    const response = await fetch(new URL(path, this.baseURL), {
      method,
      headers,
      ...(body === undefined ? {} : { body: form ?? JSON.stringify(body) }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '')
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async csrf(): Promise<string> {
    const existing = this.cookies.get('bt_csrf');
    if (existing) return decodeURIComponent(existing);
    const { token } = await this.request<{ token: string }>('GET', '/api/auth/csrf');
    return this.cookies.get('bt_csrf')
      ? decodeURIComponent(this.cookies.get('bt_csrf') ?? '')
      : token;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  /** Uploads activity files to `POST /api/activities/import`. */
  importActivities(files: { name: string; data: Uint8Array }[]): Promise<{
    imported: number;
    duplicates: number;
    errors: { file: string; message: string }[];
    activities: { id: string; file: string | null }[];
  }> {
    const form = new FormData();
    for (const f of files) form.append('files', new Blob([new Uint8Array(f.data)]), f.name);
    return this.request('POST', '/api/activities/import', form);
  }

  /** Registers a new account as a person does: registers, opens the mailed link, and is signed in. */
  async register(
    email: string,
    password: string,
  ): Promise<{ user: { id: string; email: string } }> {
    await this.post('/api/auth/register', { email, password });
    const token = confirmTokenOf(await registrationLink(email));
    return this.post('/api/auth/register/confirm', { token });
  }

  /**
   * Takes an assessment to the end. `answer` may override any question's
   * answer (return undefined to give the benign one).
   */
  async assess(
    answer: (q: ApiQuestion) => ApiAnswer | undefined = () => undefined,
  ): Promise<ApiInterview> {
    let interview = await this.post<ApiInterview>('/api/assessments', { mode: 'adaptive' });
    for (let i = 0; i < 200 && interview.status === 'in_progress' && interview.next; i++) {
      const q = interview.next.question;
      interview = await this.post<ApiInterview>(`/api/assessments/${interview.id}/answers`, {
        questionId: q.id,
        value: answer(q) ?? benignAnswer(q),
      });
    }
    if (interview.status === 'in_progress') {
      interview = await this.post<ApiInterview>(`/api/assessments/${interview.id}/finish`);
    }
    return interview;
  }

  /** Saves the plan of an assessment. */
  savePlan(assessmentId: string, startDate: string): Promise<{ id: string }> {
    return this.post('/api/plans', { assessmentId, startDate });
  }

  /** Records a check-in. */
  checkIn(
    planId: string,
    body: {
      date: string;
      painDuring: number;
      painAfter: number;
      painNextMorning: number;
      sessionsDone: number;
      sessionsPlanned: number;
    },
  ): Promise<unknown> {
    return this.post(`/api/plans/${planId}/checkins`, body);
  }

  /** The cookies, for `BrowserContext.addCookies`. */
  browserCookies(): { name: string; value: string; url: string }[] {
    return [...this.cookies].map(([name, value]) => ({ name, value, url: this.baseURL }));
  }
}

/** A unique email address for one test. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}
