// The policy the collector applies when no policy file is configured, shipped
// as text inside the build so it needs no file at run time. It fits an
// immutable server: binaries, packages and logins terminate; files a running
// Debian/Ubuntu server changes by itself are ignored; the rest alerts.
// `drift-collector policy default` prints it, docs/policy.md quotes it (a test
// keeps the two identical), and it is written as an operator would write one.

export const DEFAULT_POLICY_SOURCE = 'built-in default';

export const DEFAULT_POLICY_YAML = `# driftwatch default policy: an immutable server.
# First match wins; an event no rule matches gets \`default\`.
version: 1
rules:
  - name: volatile-files
    description: >-
      Files a running server rewrites by itself: the resolver, the hardware
      clock, the loader cache, boot bookkeeping, and state and cache trees
      (package database changes arrive as package events).
    match:
      kind: [file_added, file_removed, file_changed]
      path:
        - /etc/resolv.conf
        - /etc/adjtime
        - /etc/mtab
        - /etc/ld.so.cache
        - /etc/.updated
        - /boot/grub/grubenv
        - /usr/lib/sysimage/rpm/**
        - /var/lib/**
        - /var/cache/**
        - /var/log/**
        - /var/tmp/**
        - /var/backups/**
        - /tmp/**
        - /run/**
        - /var/run/**
    verdict: ignore

  - name: python-bytecode
    description: >-
      Python writes __pycache__ files next to modules it imports as root;
      recorded for review, not worth a termination.
    match:
      kind: [file_added, file_changed]
      path:
        - /usr/lib/python3*/**/__pycache__/*.pyc
        - /usr/local/lib/python3*/**/__pycache__/*.pyc
    verdict: flag
    severity: low

  - name: snap-refresh
    description: >-
      snapd rewrites its mount and service units on every refresh; hold
      refreshes on immutable servers, or review these.
    match:
      kind: [file_added, file_removed, file_changed]
      path:
        - /etc/systemd/system/snap-*.mount
        - /etc/systemd/system/snap.*
        - /etc/systemd/system/*.wants/snap-*.mount
        - /etc/systemd/system/*.wants/snap.*
    verdict: flag
    severity: low

  - name: binaries
    description: Executables, libraries, kernel, boot loader and kernel modules.
    match:
      kind: [file_added, file_removed, file_changed]
      path:
        - /bin/**
        - /sbin/**
        - /usr/bin/**
        - /usr/sbin/**
        - /lib*
        - /lib*/**
        - /usr/lib*
        - /usr/lib*/**
        - /usr/local/bin/**
        - /usr/local/sbin/**
        - /usr/local/lib*
        - /usr/local/lib*/**
        - /boot/**
        - /etc/ld.so.preload
    verdict: terminate
    severity: critical

  - name: packages
    description: A package installed, removed or upgraded, or a package file tampered with.
    match:
      kind: [package_added, package_removed, package_changed, package_file_modified]
    verdict: terminate
    severity: critical

  - name: logins
    description: Nobody logs in to an immutable server.
    match:
      kind: login
    verdict: terminate
    severity: high

  - name: coverage-gaps
    description: The agent could not see part of the host for a while.
    match:
      kind: coverage_gap
    verdict: alert
    severity: high

  - name: agent-stopped
    description: The agent stopped (a shutdown does this too).
    match:
      kind: agent_stopped
    verdict: flag
    severity: medium

default:
  verdict: alert
  severity: medium

governor:
  dry_run: false
  window: 10m
  max_terminations_per_window: 10
  max_group_fraction: 0.25
  min_healthy_per_group: 1
  group_labels: []
  approval: never
  approval_above: 5
`;
