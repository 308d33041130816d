// Panel messages name fields the way the panel labels them (src/model/errors.ts's fieldLabel).
import { describe, expect, it } from 'vitest';
import { describeIssue, fieldLabel } from '../../src/model';

const names = {
  stages: [
    { id: 'discover', name: 'Discover' },
    { id: 'buy', name: 'Buy' },
    { id: 'odd id', name: '  ' },
  ],
  lanes: [{ title: 'Actions' }, { title: 'Touchpoints' }, { title: 'Feeling' }, { title: '' }],
};

describe('fieldLabel', () => {
  it('labels the fields of the header, personas, stages and lanes as their inputs are labelled', () => {
    expect(fieldLabel('title')).toBe('Map title');
    expect(fieldLabel('objective')).toBe('Objective');
    expect(fieldLabel('personas[0].name')).toBe('Persona 1 name');
    expect(fieldLabel('personas[1].role')).toBe('Role of persona 2');
    expect(fieldLabel('personas[0].quote')).toBe('Quote of persona 1');
    expect(fieldLabel('personas[2].goals[0]')).toBe('Goal 1 of persona 3');
    expect(fieldLabel('personas[0].frustrations[2]')).toBe('Frustration 3 of persona 1');
    expect(fieldLabel('personas[3]')).toBe('Persona 4');
    // A format-1 file's single persona is the first.
    expect(fieldLabel('persona.name')).toBe('Persona 1 name');
    expect(fieldLabel('stages[1].name')).toBe('Stage 2 name');
    expect(fieldLabel('stages[0].phase')).toBe('Phase of stage 1');
    expect(fieldLabel('stages[3].description')).toBe('Description of stage 4');
    expect(fieldLabel('stages[0].momentNote')).toBe('Moment note of stage 1');
    expect(fieldLabel('stages[2]')).toBe('Stage 3');
    expect(fieldLabel('lanes[0].title')).toBe('Lane 1 title');
    expect(fieldLabel('lanes[4].kind')).toBe('Kind of lane 5');
    expect(fieldLabel('lanes[1].tone')).toBe('Tone of lane 2');
    expect(fieldLabel('lanes[1].overlay')).toBe('Chart of lane 2');
    expect(fieldLabel('lanes[1].style')).toBe('Line of lane 2');
    expect(fieldLabel('lanes[2].scale.max')).toBe('Scale of lane 3');
    expect(fieldLabel('lanes[2].scale.low')).toBe('Low end word of lane 3');
  });

  it('labels cells by lane title and stage name, as the Cells tab does; by number and id without names', () => {
    expect(fieldLabel('lanes[0].cells.discover', names)).toBe('Actions, Discover');
    expect(fieldLabel('lanes[1].cells.buy[2]', names)).toBe('Touchpoints, Buy, card 3');
    expect(fieldLabel('lanes[2].cells.buy.note', names)).toBe('Feeling, Buy, note');
    expect(fieldLabel('lanes[2].cells.discover.score', names)).toBe('Feeling, Discover, score');
    // Empty names fall back to numbers and ids; quoted keys are read.
    expect(fieldLabel('lanes[3].cells["odd id"]', names)).toBe('Lane 4, stage “odd id”');
    expect(fieldLabel('lanes[0].cells.gone', names)).toBe('Actions, stage “gone”');
    expect(fieldLabel('lanes[0].cells.buy')).toBe('Lane 1, stage “buy”');
  });

  it('leaves paths the panel has no field for as they are', () => {
    for (const path of [
      '',
      'meta',
      'meta.source',
      'version',
      'stages',
      'lanes',
      'stages[0].stage',
      'persona.age',
      'x.y[1]',
    ])
      expect(fieldLabel(path)).toBe(path);
  });
});

describe('describeIssue', () => {
  it('gives the label, then the path where it differs, then the message', () => {
    expect(describeIssue({ path: 'stages[1].name', message: 'must not be empty' })).toBe(
      'Stage 2 name (stages[1].name): must not be empty',
    );
    expect(describeIssue({ path: 'lanes[0].cells.buy', message: 'at most 2000 characters' }, names)).toBe(
      'Actions, Buy (lanes[0].cells.buy): at most 2000 characters',
    );
    expect(describeIssue({ path: 'meta', message: 'too big' })).toBe('meta: too big');
    expect(describeIssue({ path: 'row 2, column C', message: 'score must be between 1 and 5' })).toBe(
      'row 2, column C: score must be between 1 and 5',
    );
    expect(describeIssue({ path: '', message: 'not a map' })).toBe('not a map');
  });
});
