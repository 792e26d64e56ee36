import type { AttachmentOwnerType, SessionAttachmentPurpose } from '@yokoten/case-studies';

export interface UploadOptions {
  ownerType: AttachmentOwnerType;
  ownerId: string;
  file: File;
  caption?: string;
  membersOnly?: boolean;
  purpose?: SessionAttachmentPurpose | null;
  /** Fraction sent, 0..1. */
  onProgress(fraction: number): void;
  signal?: AbortSignal;
}

export interface UploadError {
  /** ATTACHMENT_TOO_LARGE, ATTACHMENT_TYPE_NOT_ALLOWED, ATTACHMENT_QUOTA_EXCEEDED, FORBIDDEN, … or NETWORK_ERROR. */
  code: string;
  message?: string;
}

/**
 * Sends one file to POST /attachments as the raw request body (docs/attachments.md) with XMLHttpRequest,
 * whose upload events report progress (fetch does not, for a request body, in every browser we support).
 * The session cookie goes along (same origin); the name travels percent-encoded in X-File-Name.
 */
export function uploadAttachment(o: UploadOptions): Promise<{ id: string; name: string }> {
  return new Promise((resolve, reject) => {
    const params = new URLSearchParams({ ownerType: o.ownerType, ownerId: o.ownerId });
    if (o.caption) params.set('caption', o.caption);
    if (o.membersOnly) params.set('membersOnly', 'true');
    if (o.purpose) params.set('purpose', o.purpose);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/attachments?${params.toString()}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(o.file.name));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) o.onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: { attachment?: { id: string; name: string }; error?: UploadError } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // not JSON (a proxy's error page): the status decides below
      }
      if (xhr.status === 201 && body.attachment) {
        o.onProgress(1);
        resolve(body.attachment);
      } else {
        reject({
          code: body.error?.code ?? (xhr.status === 413 ? 'ATTACHMENT_TOO_LARGE' : 'INTERNAL_SERVER_ERROR'),
          message: body.error?.message,
        } satisfies UploadError);
      }
    };
    xhr.onerror = () => reject({ code: 'NETWORK_ERROR' } satisfies UploadError);
    xhr.onabort = () => reject({ code: 'ABORTED' } satisfies UploadError);
    o.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(o.file);
  });
}
