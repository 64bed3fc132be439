import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';

/** A form field of an upload besides the file, as the OpenAPI page describes it. */
export interface UploadFormField {
  type: 'string';
  enum?: string[];
  description?: string;
}

/**
 * A multipart upload of one file in the form field `file`: at most `limitBytes`, its name read as
 * UTF-8, documented for the OpenAPI page together with the endpoint's other form fields.
 * `preservePath` keeps the client's path in the name, for endpoints that check it rather than trim it.
 */
export function FileUpload(limitBytes: number, options: { preservePath?: boolean; formFields?: Record<string, UploadFormField> } = {}) {
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, ...options.formFields } } }),
    UseInterceptors(
      FileInterceptor('file', { limits: { fileSize: limitBytes, files: 1 }, defParamCharset: 'utf8', ...(options.preservePath ? { preservePath: true } : {}) }),
    ),
  );
}
