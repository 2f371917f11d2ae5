/**
 * A `PUT` whose declared `content-length` is past the server's limit, sending only its first
 * bytes: the server must refuse it before reading the body (clips and sounds uploads).
 */
import { request as httpRequest } from 'node:http';

export function putDeclaringSize(
  port: number,
  path: string,
  token: string,
  declaredBytes: number,
  firstBytes: Buffer,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'PUT',
        path,
        headers: { authorization: `Bearer ${token}`, 'content-length': declaredBytes },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.write(firstBytes);
  });
}
