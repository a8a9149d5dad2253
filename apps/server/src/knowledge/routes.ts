/**
 * Read-only knowledge: questions, the knowledge base in brief (the core's
 * `summariseKnowledgeBase`, as `backtrack kb --json` lists it), exercises and
 * their illustrations.
 */
import {
  DomainError,
  renderIllustration,
  sessionStopRules,
  summariseKnowledgeBase,
  type Exercise,
  type KnowledgeBase,
} from '@backtrack/core';
import { createRoute, z } from '@hono/zod-openapi';
import { toQuestionDto } from '../assessments/dto.js';
import { ZQuestion } from '../assessments/schemas.js';
import { newRouter } from '../http/router.js';
import { errorResponses, jsonResponse } from '../http/schemas.js';

const ZExercise = z.custom<Exercise & { illustrationUrl: string }>().openapi('Exercise', {
  type: 'object',
  description:
    'An exercise of the library (`Exercise` in @backtrack/core) and the URL of its illustration.',
});

const questions = createRoute({
  method: 'get',
  path: '/questions',
  tags: ['knowledge'],
  summary: 'Every question of the interview, in order',
  responses: { 200: jsonResponse(z.object({ questions: z.array(ZQuestion) }), 'The questions') },
});

const ZKnowledge = z
  .object({
    contributors: z.array(
      z.object({ id: z.string(), name: z.string(), prior: z.number(), summary: z.string() }),
    ),
    redFlags: z.array(
      z.object({ id: z.string(), name: z.string(), tier: z.string(), condition: z.string() }),
    ),
    sources: z.array(
      z.object({
        id: z.string(),
        name: z.string().openapi({ description: 'How a runner sees it cited: "Finucane 2020".' }),
        citation: z.string(),
        url: z.string().optional(),
        level: z.string(),
      }),
    ),
  })
  .openapi('Knowledge');

const knowledge = createRoute({
  method: 'get',
  path: '/knowledge',
  tags: ['knowledge'],
  summary: 'Contributors (weak links), red flags and sources',
  responses: { 200: jsonResponse(ZKnowledge, 'The knowledge summary') },
});

const exercises = createRoute({
  method: 'get',
  path: '/exercises',
  tags: ['knowledge'],
  summary: 'The exercise library',
  responses: { 200: jsonResponse(z.object({ exercises: z.array(ZExercise) }), 'The exercises') },
});

const ZStopRule = z
  .object({
    text: z.string(),
    sources: z.array(z.string()).openapi({ description: 'Ids of knowledge-base sources.' }),
  })
  .openapi('StopRule');

const stopRules = createRoute({
  method: 'get',
  path: '/stop-rules',
  tags: ['knowledge'],
  summary: 'The pain limits shown during an exercise session (the core’s `sessionStopRules`)',
  responses: {
    200: jsonResponse(z.object({ stopRules: z.array(ZStopRule) }), 'The stop rules'),
  },
});

const illustration = createRoute({
  method: 'get',
  path: '/exercises/{id}/illustration.svg',
  tags: ['knowledge'],
  summary: 'An exercise’s illustration (start and end positions)',
  request: {
    params: z.object({
      id: z
        .string()
        .max(100)
        .regex(/^[a-z0-9_-]+$/, 'expected an exercise id')
        .openapi({ param: { name: 'id', in: 'path' } }),
    }),
  },
  responses: {
    200: { description: 'The SVG', content: { 'image/svg+xml': { schema: z.string() } } },
    ...errorResponses('invalid_input', 'not_found'),
  },
});

/** The knowledge routes. Responses are computed once: the knowledge base is immutable. */
export function knowledgeRoutes(kb: KnowledgeBase) {
  const questionList = { questions: kb.questions.map(toQuestionDto) };
  const summary = summariseKnowledgeBase(kb);
  const library = {
    exercises: kb.exercises.map((e) => ({
      ...e,
      illustrationUrl: `/api/exercises/${e.id}/illustration.svg`,
    })),
  };
  const sessionRules = { stopRules: sessionStopRules() };
  const byId = new Map(kb.exercises.map((e) => [e.id, e]));
  const svgs = new Map<string, string>();

  return newRouter()
    .openapi(questions, (c) => c.json(questionList, 200))
    .openapi(knowledge, (c) => c.json(summary, 200))
    .openapi(exercises, (c) => c.json(library, 200))
    .openapi(stopRules, (c) => c.json(sessionRules, 200))
    .openapi(illustration, (c) => {
      const { id } = c.req.valid('param');
      const exercise = byId.get(id);
      if (!exercise) throw new DomainError('not_found', `No exercise ${id}.`, [id]);
      let svg = svgs.get(id);
      if (svg === undefined) {
        svg = renderIllustration(exercise.illustration);
        svgs.set(id, svg);
      }
      return c.body(svg, 200, {
        'content-type': 'image/svg+xml; charset=utf-8',
        'cache-control': 'public, max-age=86400',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      });
    });
}
