/** Request/reply over a forked child's IPC channel, each request bounded in time. */
import type { ChildProcess } from 'node:child_process';
import { forkTs } from './processes';

interface Reply {
  type: string;
  message?: string;
}

export class Worker {
  readonly child: ChildProcess;
  private waiters: Array<{ resolve: (reply: Reply) => void; reject: (error: Error) => void }> = [];

  constructor(script: string) {
    this.child = forkTs(script);
    this.child.on('message', (reply: Reply) => {
      const waiter = this.waiters.shift();
      if (!waiter) return;
      if (reply.type === 'error') waiter.reject(new Error(`${script}: ${reply.message}`));
      else waiter.resolve(reply);
    });
    this.child.once('exit', (code, signal) => {
      for (const waiter of this.waiters.splice(0)) {
        waiter.reject(new Error(`${script} exited (${code ?? signal})`));
      }
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Sends a command and resolves with the child's next reply, which must be of `expect` type. */
  request<T extends Reply>(command: object, expect: T['type'], timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no "${expect}" reply within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push({
        resolve: (reply) => {
          clearTimeout(timer);
          if (reply.type === expect) resolve(reply as T);
          else reject(new Error(`expected "${expect}", got "${reply.type}"`));
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.child.send(command);
    });
  }

  /** Asks the child to close, and kills it if it has not exited within a second. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    if (this.child.connected) this.child.send({ type: 'close' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 1000);
    await exited;
    clearTimeout(timer);
  }
}
