// User accounts: create (by an admin, by public sign-up, or the first admin), read, list, update,
// delete, and the account changes sign-in needs (last sign-in, revoking tokens, a new password).
// Usernames are stored lower-cased so that uniqueness and sign-in ignore case. Writes that check
// an invariant first (a free username, "there is still an admin") run one at a time, so two
// requests cannot both pass the check.
import { randomUUID } from 'node:crypto';
import type { MangoQuerySelector, RxDocument } from 'rxdb';
import type { UserCreateBody, UserListQuery, UserUpdateBody } from '../../../../shared/api/users.js';
import type { User, UserRole } from '../../../../shared/schemas/user.js';
import type { Clock } from '../../clock.js';
import type { AppDatabase } from '../../db/database.js';
import { unstamped } from '../../db/write-stamp.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import type { ActivityLog } from '../activities/service.js';

/** What a candidate account needs from the candidates feature: its own candidate record. */
export interface CandidateAccounts {
  createForAccount(actorId: string, account: { name: string; email: string }): Promise<{ id: string }>;
}

/** Turns a password into the hash that is stored (argon2id, from the auth feature). */
export interface PasswordHashing {
  hash(password: string): Promise<string>;
}

export interface UserServiceDeps {
  db: AppDatabase;
  clock: Clock;
  activities: ActivityLog;
  passwords: PasswordHashing;
  candidates: CandidateAccounts;
}

export interface NewAccount {
  username: string;
  email: string;
  password: string;
  displayName?: string | undefined;
}

/** Who created the first admin: the first-run screen, or BOOTSTRAP_ADMIN_* at start. */
export type FirstAdminOrigin = 'setup' | 'bootstrap';

export interface UserPage {
  items: User[];
  total: number;
  limit: number;
  skip: number;
}

export interface UserService {
  get(id: string): Promise<User>;
  /** The user with this username in any letter case. */
  findByUsername(username: string): Promise<User | undefined>;
  list(query: UserListQuery): Promise<UserPage>;
  /** An admin creating an account of any role; a candidate account gets its candidate record. */
  create(actorId: string, input: UserCreateBody): Promise<User>;
  /** Public sign-up: always a candidate account with its own, new candidate record. */
  register(input: NewAccount): Promise<User>;
  update(actorId: string, id: string, changes: UserUpdateBody): Promise<User>;
  /** Refuses (409) to delete the caller's own account or the last enabled admin. */
  remove(actorId: string, id: string): Promise<void>;
  /** True once any admin account exists (enabled or not). */
  hasAdmin(): Promise<boolean>;
  /** Creates an admin only while none exists; 409 afterwards. */
  createFirstAdmin(input: NewAccount, origin: FirstAdminOrigin): Promise<User>;
  recordSignIn(id: string): Promise<User>;
  /** Bumps the token version: every token issued before is refused from now on. */
  revokeTokens(id: string): Promise<User>;
  /** Stores a new password hash and revokes every earlier token, in one write. */
  replacePassword(id: string, passwordHash: string): Promise<User>;
}

export const normalizeUsername = (username: string): string => username.trim().toLowerCase();

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const SYSTEM_ACTOR = 'system';

export function createUserService({ db, clock, activities, passwords, candidates }: UserServiceDeps): UserService {
  let tail: Promise<unknown> = Promise.resolve();
  /** Runs `work` after every earlier exclusive write has finished. */
  const exclusively = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };

  const findDocument = async (id: string): Promise<RxDocument<User>> => {
    const doc = await db.users.findOne(id).exec();
    if (!doc) throw new NotFoundError(`No user with id ${id}.`, { id });
    return doc;
  };

  const findByUsername = async (username: string): Promise<User | undefined> => {
    const doc = await db.users.findOne({ selector: { username: normalizeUsername(username) } }).exec();
    return doc?.toMutableJSON();
  };

  const assertUsernameFree = async (username: string): Promise<void> => {
    if (await findByUsername(username)) {
      throw new ConflictError(`The username "${username}" is taken.`, { field: 'username' });
    }
  };

  const enabledAdmins = async (): Promise<User[]> => {
    const admins = await db.users.find({ selector: { role: 'admin' } }).exec();
    return admins.map((doc) => doc.toMutableJSON()).filter((user) => !user.disabled);
  };

  const hasAdmin = async (): Promise<boolean> => (await db.users.findOne({ selector: { role: 'admin' } }).exec()) !== null;

  /**
   * Hashes the password, then (one at a time) checks `guard` and the username and writes the user,
   * plus the candidate record of a candidate account. `actorId` undefined means the new user acts.
   */
  const createAccount = async (input: NewAccount & { role: UserRole }, actorId: string | undefined, guard?: () => Promise<void>): Promise<User> => {
    const username = normalizeUsername(input.username);
    await guard?.();
    await assertUsernameFree(username); // early and cheap, before spending a hash on it
    const passwordHash = await passwords.hash(input.password);
    return exclusively(async () => {
      await guard?.();
      await assertUsernameFree(username);
      const id = randomUUID();
      const doc = await db.users.insert(
        unstamped<User>({
          id,
          username,
          email: input.email.trim(),
          ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
          role: input.role,
          passwordHash,
          disabled: false,
          tokenVersion: 0,
        }),
      );
      if (input.role !== 'candidate') return doc.toMutableJSON();
      try {
        const candidate = await candidates.createForAccount(actorId ?? id, { name: input.displayName?.trim() || username, email: input.email.trim() });
        return (await doc.incrementalPatch({ candidateId: candidate.id })).toMutableJSON();
      } catch (error) {
        // Without its candidate record the account could not apply to anything: take it back.
        await doc.remove();
        throw error;
      }
    });
  };

  const describe = (user: User) => `${user.username} (${user.role})`;

  return {
    async get(id) {
      return (await findDocument(id)).toMutableJSON();
    },

    findByUsername,

    async list(query) {
      const limit = query.limit ?? 20;
      const skip = query.skip ?? 0;
      const selector: MangoQuerySelector<User> = {};
      if (query.role) selector.role = query.role;
      if (query.search) {
        // Usernames are lower-case; the search text is matched literally, never as a pattern.
        selector.username = { $regex: escapeRegex(query.search.trim().toLowerCase()) };
        // No index answers a substring match, so the matches are read once and paged here.
        const matches = await db.users.find({ selector, sort: [{ username: 'asc' }] }).exec();
        return { items: matches.slice(skip, skip + limit).map((d) => d.toMutableJSON()), total: matches.length, limit, skip };
      }
      const [docs, total] = await Promise.all([
        db.users.find({ selector, sort: [{ username: 'asc' }], skip, limit }).exec(),
        db.users.count({ selector }).exec(),
      ]);
      return { items: docs.map((d) => d.toMutableJSON()), total, limit, skip };
    },

    async create(actorId, input) {
      const user = await createAccount(input, actorId);
      await activities.record({ actorId, action: 'user.created', subjectType: 'user', subjectId: user.id, summary: `Created the account ${describe(user)}` });
      return user;
    },

    async register(input) {
      const user = await createAccount({ ...input, role: 'candidate' }, undefined);
      await activities.record({ actorId: user.id, action: 'user.registered', subjectType: 'user', subjectId: user.id, summary: `${user.username} signed up as a candidate` });
      return user;
    },

    async update(actorId, id, changes) {
      const { before, after } = await exclusively(async () => {
        const doc = await findDocument(id);
        const user = doc.toMutableJSON();
        const roleChanges = changes.role !== undefined && changes.role !== user.role;
        const disabledChanges = changes.disabled !== undefined && changes.disabled !== user.disabled;
        if (roleChanges && (changes.role === 'candidate' || user.role === 'candidate')) {
          throw new ValidationError('A candidate account stays a candidate account (it is tied to a candidate record); create a new account instead.', { field: 'role' });
        }
        if (disabledChanges && changes.disabled && id === actorId) {
          throw new ConflictError('You cannot disable your own account.', { field: 'disabled' });
        }
        const losesAdmin = user.role === 'admin' && !user.disabled && ((roleChanges && changes.role !== 'admin') || (disabledChanges && changes.disabled === true));
        if (losesAdmin && (await enabledAdmins()).length <= 1) {
          throw new ConflictError('This is the last enabled admin account; make another admin first.', { field: roleChanges ? 'role' : 'disabled' });
        }
        const patch: Partial<User> = {};
        if (changes.email !== undefined) patch.email = changes.email.trim();
        if (changes.displayName !== undefined) patch.displayName = changes.displayName;
        if (changes.role !== undefined) patch.role = changes.role;
        if (changes.disabled !== undefined) patch.disabled = changes.disabled;
        // A new role or a disabled account must not keep acting on tokens issued before.
        if (roleChanges || disabledChanges) patch.tokenVersion = user.tokenVersion + 1;
        return { before: user, after: (await doc.incrementalPatch(patch)).toMutableJSON() };
      });
      const details: Record<string, unknown> = { fields: Object.keys(changes) };
      if (before.role !== after.role) details.role = { from: before.role, to: after.role };
      if (before.disabled !== after.disabled) details.disabled = { from: before.disabled, to: after.disabled };
      await activities.record({ actorId, action: 'user.updated', subjectType: 'user', subjectId: id, summary: `Updated the account ${describe(after)}`, details });
      return after;
    },

    async remove(actorId, id) {
      const removed = await exclusively(async () => {
        if (id === actorId) throw new ConflictError('You cannot delete your own account.');
        const doc = await findDocument(id);
        const user = doc.toMutableJSON();
        if (user.role === 'admin' && !user.disabled && (await enabledAdmins()).length <= 1) {
          throw new ConflictError('This is the last enabled admin account; make another admin first.');
        }
        await doc.remove();
        return user;
      });
      await activities.record({ actorId, action: 'user.deleted', subjectType: 'user', subjectId: id, summary: `Deleted the account ${describe(removed)}` });
    },

    hasAdmin,

    async createFirstAdmin(input, origin) {
      const guard = async () => {
        if (await hasAdmin()) throw new ConflictError('An admin account already exists; sign in as that admin to create more accounts.');
      };
      const user = await createAccount({ ...input, role: 'admin' }, undefined, guard);
      await activities.record({
        actorId: origin === 'bootstrap' ? SYSTEM_ACTOR : user.id,
        action: 'user.first_admin_created',
        subjectType: 'user',
        subjectId: user.id,
        summary: `Created the first admin account, ${user.username}`,
        details: { origin },
      });
      return user;
    },

    async recordSignIn(id) {
      return (await (await findDocument(id)).incrementalPatch({ lastLoginAt: clock.now() })).toMutableJSON();
    },

    async revokeTokens(id) {
      const doc = await findDocument(id);
      return (await doc.incrementalModify((user) => ({ ...user, tokenVersion: user.tokenVersion + 1 }))).toMutableJSON();
    },

    async replacePassword(id, passwordHash) {
      const doc = await findDocument(id);
      return (await doc.incrementalModify((user) => ({ ...user, passwordHash, tokenVersion: user.tokenVersion + 1 }))).toMutableJSON();
    },
  };
}
