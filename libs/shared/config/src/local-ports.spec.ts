import { LOCAL_API_APPS, LOCAL_PORTS, LOCAL_SERVICE_PORTS, localUrl } from './local-ports';

describe('the local ports table', () => {
  it('puts the front door on 3000 and each API app on its own port from 3001 (LOCAL.md)', () => {
    expect(LOCAL_PORTS['front-door']).toBe(3000);
    expect(LOCAL_API_APPS.map((app) => LOCAL_PORTS[app])).toEqual([3001, 3002, 3003, 3004, 3005, 3006]);
    const ports = Object.values(LOCAL_PORTS);
    expect(new Set(ports).size).toBe(ports.length);
  });

  it('lists every app but the front door and the workers behind the front door', () => {
    expect(
      Object.keys(LOCAL_PORTS).filter((app) => !(LOCAL_API_APPS as readonly string[]).includes(app)),
    ).toEqual(['front-door', 'workers']);
  });

  it('puts the local AWS stand-ins on ports of their own', () => {
    expect(LOCAL_SERVICE_PORTS.s3).toBe(4568);
    const ports = [...Object.values(LOCAL_PORTS), ...Object.values(LOCAL_SERVICE_PORTS)];
    expect(new Set(ports).size).toBe(ports.length);
  });

  it('addresses an app on the loopback interface', () => {
    expect(localUrl('operations-api')).toBe('http://127.0.0.1:3006');
  });
});
