/**
 * Batteries as dangerous goods, judged per shipping lane (research §4.3): lithium cells shipped on
 * their own (UN3480 Li-ion, UN3090 Li-metal) are not accepted in international mail; packed with or
 * in equipment (UN3481, UN3091) they are, within per-cell and per-battery limits. The outcome is per
 * lane: a power bank can be sold by road courier and still be refused by postal air.
 */
export type BatteryChemistry = 'li-ion' | 'li-metal' | 'nimh' | 'alkaline';
export type BatteryPacking = 'alone' | 'with-equipment' | 'in-equipment';
export type UnNumber = 'UN3480' | 'UN3481' | 'UN3090' | 'UN3091';
export const UN_NUMBERS: readonly UnNumber[] = ['UN3480', 'UN3481', 'UN3090', 'UN3091'];

export interface Battery {
  chemistry: BatteryChemistry;
  packing: BatteryPacking;
  /** Watt-hours per cell and per battery (Li-ion). */
  whPerCell?: number;
  whPerBattery?: number;
  /** Grams of lithium per cell and per battery (Li-metal). */
  lithiumGPerCell?: number;
  lithiumGPerBattery?: number;
}

/** One shipping lane of a DG rule: the UN numbers it accepts and the limits it puts on them (none: no limit). */
export interface DgLane {
  id: string;
  accepts: readonly UnNumber[];
  maxWhPerCell?: number;
  maxWhPerBattery?: number;
  maxLithiumGPerCell?: number;
  maxLithiumGPerBattery?: number;
}

export interface LaneOutcome {
  lane: string;
  unNumber: UnNumber | null;
  allowed: boolean;
  /** Why a lane refuses: `UN_NOT_ACCEPTED` or the limit exceeded (`WH_PER_CELL`…). */
  refusal?: 'UN_NOT_ACCEPTED' | 'WH_PER_CELL' | 'WH_PER_BATTERY' | 'LITHIUM_PER_CELL' | 'LITHIUM_PER_BATTERY' | 'RATING_MISSING';
  /** Marks and documents the parcel needs on this lane (`LITHIUM_BATTERY_MARK`, the UN number). */
  handling: string[];
}

/** The UN number of a battery, or null when it is not a lithium dangerous good (NiMH, alkaline). */
export function unNumberOf(b: Battery): UnNumber | null {
  if (b.chemistry === 'li-ion') return b.packing === 'alone' ? 'UN3480' : 'UN3481';
  if (b.chemistry === 'li-metal') return b.packing === 'alone' ? 'UN3090' : 'UN3091';
  return null;
}

/** Per lane: allowed or not, and with which handling. No lithium, no outcome (an empty list). */
export function dgLanes(b: Battery, lanes: readonly DgLane[]): LaneOutcome[] {
  const un = unNumberOf(b);
  if (!un) return [];
  const ion = b.chemistry === 'li-ion';
  return lanes.map((lane): LaneOutcome => {
    const refuse = (refusal: NonNullable<LaneOutcome['refusal']>): LaneOutcome => ({ lane: lane.id, unNumber: un, allowed: false, refusal, handling: [] });
    if (!lane.accepts.includes(un)) return refuse('UN_NOT_ACCEPTED');
    const limits: [number | undefined, number | undefined, NonNullable<LaneOutcome['refusal']>][] = ion
      ? [[lane.maxWhPerCell, b.whPerCell ?? b.whPerBattery, 'WH_PER_CELL'], [lane.maxWhPerBattery, b.whPerBattery ?? b.whPerCell, 'WH_PER_BATTERY']]
      : [[lane.maxLithiumGPerCell, b.lithiumGPerCell ?? b.lithiumGPerBattery, 'LITHIUM_PER_CELL'], [lane.maxLithiumGPerBattery, b.lithiumGPerBattery ?? b.lithiumGPerCell, 'LITHIUM_PER_BATTERY']];
    for (const [max, value, refusal] of limits) {
      if (max === undefined) continue;
      // a lane with limits cannot take a battery whose rating is not declared
      if (value === undefined) return refuse('RATING_MISSING');
      if (value > max) return refuse(refusal);
    }
    return { lane: lane.id, unNumber: un, allowed: true, handling: ['LITHIUM_BATTERY_MARK', un] };
  });
}
