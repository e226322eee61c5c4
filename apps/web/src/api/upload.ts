import { ApiError, apiLanguage, session, type FieldError } from './client';

/**
 * A multipart upload that reports its progress (fetch cannot report upload progress yet; XMLHttpRequest can).
 * Same headers and the same error envelope as the generated client, which every other call goes through.
 */
export function uploadWithProgress<T>(url: string, body: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept-Language', apiLanguage());
    if (session.token) xhr.setRequestHeader('Authorization', `Bearer ${session.token}`);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const data = xhr.response as { error?: { code?: string; message?: string; details?: FieldError[] }; requestId?: string } | null;
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        return resolve(data as T);
      }
      if (xhr.status === 401 && session.token) session.expired();
      reject(new ApiError(xhr.status, data?.error?.code ?? `HTTP_${xhr.status}`, data?.error?.message ?? xhr.statusText, data?.error?.details ?? [], data?.requestId));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'network error'));
    xhr.send(body);
  });
}
