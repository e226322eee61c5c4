import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed-login counters, shared by every API process. Keys are hashed (`email:<sha256>`,
 * `ip:<sha256>`) so the table holds no email addresses.
 */
@Entity('login_throttle')
export class LoginThrottleEntity {
  @PrimaryColumn('varchar', { length: 80 })
  key: string;

  @Column('integer', { default: 0 })
  failures: number;

  @Column('timestamptz', { name: 'window_started_at' })
  windowStartedAt: Date;

  @Column('timestamptz', { name: 'blocked_until', nullable: true })
  blockedUntil: Date | null;
}
