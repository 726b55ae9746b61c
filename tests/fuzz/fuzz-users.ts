/**
 * Who the fuzzer signs in as (demo directory, password `flowform`), and for each shipped process who
 * starts it and with what data (the scenario suites' own start data).
 */
import * as accountability from '../scenarios/data/accountability-data';
import * as admonition from '../scenarios/data/admonition-data';
import * as competition from '../scenarios/data/competition-data';
import * as evaluation from '../scenarios/data/evaluation-data';
import * as hardship from '../scenarios/data/hardship-data';
import * as reassignment from '../scenarios/data/reassignment-data';
import * as scrap from '../scenarios/data/scrap-data';
import * as supervision from '../scenarios/data/supervision-data';

/** Demo users by what they are. */
export const FUZZ_USERS: readonly string[] = [
  'admin', // administrator
  'w001', // worker
  'head103', // station head
  'sec1', // branch secretary
  'leader1', // district leader
  'leader3', // discipline leader (the discipline group)
  'insp1', // discipline inspector
  'leader2',
  'gen1',
  'org1',
  'head113',
];

/** Each shipped process: a user who may start it, and valid start data. */
export const SHIPPED_STARTS: Record<string, { starter: string; data: () => Record<string, unknown> }> = {
  'accountability-investigation': { starter: 'insp1', data: () => accountability.report() },
  'admonition-talk': { starter: 'leader2', data: () => admonition.request() },
  'branch-secretary-reassignment': { starter: 'leader2', data: () => reassignment.proposal() },
  'hardship-assistance': { starter: 'head103', data: () => hardship.application() },
  'labour-competition': { starter: 'gen1', data: () => competition.start() },
  'quarterly-cadre-evaluation': { starter: 'org1', data: () => evaluation.start() },
  'scrap-material-recovery': { starter: 'head113', data: () => scrap.handIn() },
  'supervision-bulletin': { starter: 'insp1', data: () => supervision.findings() },
};
