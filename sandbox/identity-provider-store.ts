// Where the sandbox identity provider keeps its sessions, codes and grants: in memory, as oidc-provider's own
// development store does, but said here on purpose (a sandbox's sign-ins need not outlive it), so that a sandbox
// start does not print the library's warning about its quick-start store.
type Payload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string; consumed?: number };

const stores = new Map<string, Map<string, { payload: Payload; expiresAt: number }>>();

export class MemoryAdapter {
  private readonly rows: Map<string, { payload: Payload; expiresAt: number }>;

  constructor(name: string) {
    this.rows = stores.get(name) ?? new Map();
    stores.set(name, this.rows);
  }

  async upsert(id: string, payload: Payload, expiresIn: number): Promise<void> {
    this.rows.set(id, { payload, expiresAt: Date.now() + expiresIn * 1000 });
  }

  async find(id: string): Promise<Payload | undefined> {
    const row = this.rows.get(id);
    if (!row) return undefined;
    if (row.expiresAt <= Date.now()) {
      this.rows.delete(id);
      return undefined;
    }
    return row.payload;
  }

  async findByUid(uid: string): Promise<Payload | undefined> {
    for (const [id, row] of this.rows) if (row.payload.uid === uid) return this.find(id);
    return undefined;
  }

  async findByUserCode(userCode: string): Promise<Payload | undefined> {
    for (const [id, row] of this.rows) if (row.payload.userCode === userCode) return this.find(id);
    return undefined;
  }

  async consume(id: string): Promise<void> {
    const row = this.rows.get(id);
    if (row) row.payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    this.rows.delete(id);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const [id, row] of this.rows) if (row.payload.grantId === grantId) this.rows.delete(id);
  }
}
