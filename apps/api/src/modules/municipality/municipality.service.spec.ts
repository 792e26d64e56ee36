import type { EntityManager } from 'typeorm';
import type { AuditLogService } from '../audit/audit-log.service';
import type { Actor } from '../auth/actor';
import type { MunicipalityEntity } from './municipality.entity';
import type { MunicipalityRepository } from './municipality.repository';
import { MunicipalityService, todayInJapan } from './municipality.service';

describe('todayInJapan', () => {
  it.each([
    ['2024-03-31T14:59:59Z', '2024-03-31'], // 23:59:59 in Tokyo
    ['2024-03-31T15:00:00Z', '2024-04-01'], // midnight in Tokyo, still the 31st in UTC
    ['2024-12-31T23:00:00Z', '2025-01-01'],
    ['2024-02-28T20:00:00Z', '2024-02-29'], // leap day
  ])('%s is %s in Japan', (instant, day) => {
    expect(todayInJapan(new Date(instant))).toBe(day);
  });
});

describe('MunicipalityService.admit', () => {
  const organiser: Actor = { userId: 'u1', role: 'ORGANISER', municipalityId: null, membershipStatus: null };
  const applicant = {
    id: 'm1',
    code: '432148',
    name: '阿蘇市',
    membershipStatus: 'APPLICANT',
  } as MunicipalityEntity;

  afterEach(() => jest.useRealTimers());

  it('records the day the organiser admits as the Japanese calendar day, not the UTC one', async () => {
    jest.useFakeTimers({ now: new Date('2024-03-31T15:30:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const transitionMembership = jest.fn(async () => ({ ...applicant, membershipStatus: 'MEMBER' }));
    const manager = {} as EntityManager;
    const repository = {
      findByCode: jest.fn(async () => applicant),
      transitionMembership,
      transaction: jest.fn(async (work: (m: EntityManager) => Promise<unknown>) => work(manager)),
    } as unknown as MunicipalityRepository;
    const record = jest.fn(async () => undefined);
    const audit = { record } as unknown as AuditLogService;
    await new MunicipalityService(repository, audit).admit(organiser, '432148');
    expect(transitionMembership).toHaveBeenCalledWith(
      'm1',
      ['APPLICANT', null, 'WITHDRAWN'],
      'MEMBER',
      '2024-04-01',
      manager,
    );
    // Audited in the same transaction, status before and after.
    expect(record).toHaveBeenCalledWith(
      manager,
      expect.objectContaining({
        action: 'municipality.admit',
        actorUserId: 'u1',
        subjectId: '432148',
        before: expect.objectContaining({ membershipStatus: 'APPLICANT' }),
        after: expect.objectContaining({ membershipStatus: 'MEMBER' }),
      }),
    );
  });
});
