/**
 * The zone files of the workspace, for the bounce report: which one holds the record of the
 * bounced domain. The search is bounded (file count, file size, a time budget through the
 * cancellation token); open documents are read from the editor, so unsaved edits count.
 */
import * as vscode from 'vscode';
import type { ZoneDocument } from '../core/report/bounce-diagnosis';
import { originFromFileName } from '../core/readers/zone/zone-names';

/** The glob of zone files, as the language contribution names them. */
const ZONE_GLOB = '{**/*.zone,**/db.*,**/*.zonefile}';
const EXCLUDE_GLOB = '{**/node_modules/**,**/.git/**}';
const MAX_FILES = 200;
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** A zone file of the workspace, as the core reads it, and where it is. */
export interface WorkspaceZone {
  uri: vscode.Uri;
  document: ZoneDocument;
}

/** Finds and reads the workspace's zone files (at most {@link MAX_FILES}, each at most 2 MB). */
export async function findWorkspaceZones(token?: vscode.CancellationToken): Promise<WorkspaceZone[]> {
  if (!vscode.workspace.workspaceFolders?.length) return [];
  const uris = await vscode.workspace.findFiles(ZONE_GLOB, EXCLUDE_GLOB, MAX_FILES, token);
  const zones: WorkspaceZone[] = [];
  for (const uri of uris.sort((a, b) => a.path.localeCompare(b.path))) {
    if (token?.isCancellationRequested) break;
    const text = await readText(uri);
    if (text === undefined) continue;
    const origin = originFromFileName(uri.path);
    zones.push({ uri, document: { file: uri.toString(), text, ...(origin === undefined ? {} : { origin }) } });
  }
  return zones;
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_FILE_BYTES) return undefined;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
