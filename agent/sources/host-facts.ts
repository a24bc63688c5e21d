// Host facts. For the running system (--root /) they come from
// systeminformation plus machine-id, boot-id and cloud-init's instance data;
// for a directory tree standing in for a host, from the tree's own files,
// with kernel and boot-id left empty (a tree has no running kernel).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import si from 'systeminformation';
import type { HostFacts } from '../model.js';

function readTrimmed(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim().slice(0, 256);
  } catch {
    return '';
  }
}

function osRelease(root: string): string {
  const text = readTrimmed(join(root, 'etc/os-release')) || readTrimmed(join(root, 'usr/lib/os-release'));
  const m = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(text);
  return m?.[1] ?? '';
}

/** cloud-init's instance data, when the host was provisioned by it. */
function cloudIds(root: string): { instanceId: string; imageId: string } {
  try {
    const data = JSON.parse(readFileSync(join(root, 'run/cloud-init/instance-data.json'), 'utf8')) as { v1?: Record<string, unknown> };
    const v1 = data.v1 ?? {};
    const s = (k: string): string => (typeof v1[k] === 'string' ? (v1[k] as string).slice(0, 256) : '');
    return { instanceId: s('instance_id'), imageId: s('image_id') };
  } catch {
    return { instanceId: readTrimmed(join(root, 'var/lib/cloud/data/instance-id')), imageId: '' };
  }
}

export async function readHostFacts(root: string): Promise<HostFacts> {
  const facts: HostFacts = {
    hostname: readTrimmed(join(root, 'etc/hostname')),
    machineId: readTrimmed(join(root, 'etc/machine-id')),
    bootId: '',
    ...cloudIds(root),
    os: osRelease(root),
    kernel: '',
    arch: '',
    labels: {},
  };
  if (root !== '/') return facts;
  const os = await si.osInfo();
  return {
    ...facts,
    hostname: os.hostname || facts.hostname,
    bootId: readTrimmed('/proc/sys/kernel/random/boot_id'),
    os: facts.os || [os.distro, os.release].filter(Boolean).join(' '),
    kernel: os.kernel,
    arch: os.arch,
  };
}
