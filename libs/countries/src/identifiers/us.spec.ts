import { describe, it } from '@jest/globals';
import { expectInvalid, expectValid } from './spec-helpers';

describe('us.ein', () => {
  it.each([
    ['91-1144442', '911144442'], // python-stdnum docs
    ['04-2103594', '042103594'], // python-stdnum docs (Brookhaven campus)
    ['53-6904399', '536904399'], // stdnum-js tests
    ['123456789', '123456789'],
    // Separators are dropped before checking (shared normalisation), so a misplaced dash is
    // tolerated; python-stdnum rejects '911-14-4442' as a format error.
    ['911-14-4442', '911144442'],
  ])('accepts %s', (raw, normalized) => expectValid('us.ein', raw, normalized));

  it.each([
    ['07-1144442', 'INVALID_COMPONENT'], // 07 is not an IRS campus prefix
    ['00-3456789', 'INVALID_COMPONENT'],
    ['08-1144442', 'INVALID_COMPONENT'],
    ['89-1144442', 'INVALID_COMPONENT'],
    ['1234567890123', 'INVALID_LENGTH'],
    ['91-114444', 'INVALID_LENGTH'],
    ['91-114444A', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('us.ein', value, code));
});

describe('us.ssn', () => {
  it.each([
    ['536-90-4399', '536904399'], // stdnum-js tests
    ['123-45-6788', '123456788'],
  ])('accepts %s', (raw, normalized) => expectValid('us.ssn', raw, normalized));

  it.each([
    ['000-12-3456', 'INVALID_COMPONENT'],
    ['666-12-3456', 'INVALID_COMPONENT'],
    ['900-12-3456', 'INVALID_COMPONENT'], // 9xx are ITINs
    ['123-00-4567', 'INVALID_COMPONENT'],
    ['123-45-0000', 'INVALID_COMPONENT'],
    ['189092294', 'INVALID_COMPONENT'], // advertising number (stdnum-js tests)
    ['078-05-1120', 'INVALID_COMPONENT'], // the Woolworth wallet number
    ['536-90-439', 'INVALID_LENGTH'],
    ['536-90-439X', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('us.ssn', value, code));
});

describe('us.itin', () => {
  it.each([
    ['912-90-3456', '912903456'], // python-stdnum docs
    ['900-70-0000', '900700000'],
    ['999-88-1234', '999881234'],
    ['912-50-3456', '912503456'],
  ])('accepts %s', (raw, normalized) => expectValid('us.itin', raw, normalized));

  it.each([
    ['912-93-3456', 'INVALID_COMPONENT'], // group 93 is not used
    ['912-89-3456', 'INVALID_COMPONENT'],
    ['912-49-3456', 'INVALID_COMPONENT'],
    ['812-90-3456', 'INVALID_COMPONENT'], // not starting with 9: an SSN
    ['912-90-345', 'INVALID_LENGTH'],
    ['912-90-345A', 'INVALID_FORMAT'],
  ] as const)('rejects %s (%s)', (value, code) => expectInvalid('us.itin', value, code));
});
