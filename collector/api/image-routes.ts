// Image groups and outliers on the operator API.
import type { FastifyInstance } from 'fastify';
import { DriftwatchError } from '../../common/errors.js';
import type { Store } from '../store/store.js';
import { differingPaths, imageGroups } from './image-groups.js';

export function registerImageRoutes(app: FastifyInstance, store: Store): void {
  app.get('/api/v1/images', { config: { minRole: 'viewer' } }, async () => ({
    images: imageGroups(await store.listHosts({})).map((g) => ({
      image_id: g.imageId, hosts: g.hosts, sealed: g.sealed, majority_root: g.majorityRoot, outliers: g.outliers,
    })),
  }));

  // How an outlier differs from its image group: the paths whose entries differ
  // from those of a host holding the majority baseline.
  app.get<{ Params: { id: string } }>('/api/v1/hosts/:id/outlier', { config: { minRole: 'viewer' } }, async (req) => {
    const host = /^[0-9a-f]{32}$/.test(req.params.id) ? await store.getHost(req.params.id) : undefined;
    if (host === undefined) throw new DriftwatchError('COLLECTOR_NOT_FOUND', `no host ${req.params.id}`);
    const siblings = await store.listHosts({ imageId: host.facts.imageId });
    const group = imageGroups(siblings).find((g) => g.imageId === host.facts.imageId);
    const isOutlier = group?.outliers.includes(host.id) ?? false;
    const result = { host_id: host.id, image_id: host.facts.imageId, majority_root: group?.majorityRoot ?? null, outlier: isOutlier };
    if (!isOutlier) return { ...result, differing_paths: [], truncated: false };
    const reference = siblings.find((h) => h.baselineRoot === group!.majorityRoot)!;
    const [mine, theirs] = await Promise.all([store.getBaseline(host.id), store.getBaseline(reference.id)]);
    const diff = differingPaths(theirs!, mine!);
    return { ...result, reference_host_id: reference.id, differing_paths: diff.paths, truncated: diff.truncated };
  });
}
