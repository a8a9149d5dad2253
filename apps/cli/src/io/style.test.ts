import { describe, expect, it } from 'vitest';
import { createStyle, outputWidth, shouldUseColour, wrap } from './style.js';

describe('colour', () => {
  it.each([
    [{ isTTY: true }, {}, true],
    [{ isTTY: true }, { NO_COLOR: '1' }, false],
    [{ isTTY: true }, { NO_COLOR: '' }, false],
    [{}, {}, false],
    [{ isTTY: false }, {}, false],
  ])('stream %j with env %j → colour %s', (stream, env, colour) => {
    expect(shouldUseColour(stream, env)).toBe(colour);
  });

  it('adds nothing when colour is off', () => {
    const style = createStyle({ colour: false });
    expect(style.red(style.bold('x'))).toBe('x');
    expect(createStyle({ colour: true }).bold('x')).toBe('\u001b[1mx\u001b[22m');
  });
});

describe('wrap', () => {
  it('breaks at word boundaries with indents', () => {
    expect(wrap('one two three four', { width: 10, first: '- ', indent: '  ' })).toBe(
      '- one two\n  three\n  four',
    );
  });

  it('keeps line breaks and long words', () => {
    expect(wrap('a\nsupercalifragilistic b', { width: 8 })).toBe('a\nsupercalifragilistic\nb');
  });

  it('uses the terminal width within 40–100 columns, 80 off a terminal', () => {
    expect(outputWidth({ isTTY: true, columns: 200 })).toBe(100);
    expect(outputWidth({ isTTY: true, columns: 20 })).toBe(40);
    expect(outputWidth({ columns: 60 })).toBe(80);
    expect(outputWidth({ isTTY: true, columns: 0 })).toBe(80);
  });
});
