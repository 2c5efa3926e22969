import { applyDecorators, Delete, Get, HttpCode, Post, Put, type Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
} from '@nestjs/swagger';

/**
 * The routes of a muting resource (silences, maintenance windows) with their OpenAPI
 * answers, so each controller method says only what differs.
 */
export const ListRoute = (type: Type) => applyDecorators(Get(), ApiOkResponse({ type }));

export const CreateRoute = (type: Type, refused: string) =>
  applyDecorators(
    Post(),
    HttpCode(201),
    ApiCreatedResponse({ type }),
    ApiBadRequestResponse({ description: `${refused} (the field is named)` }),
  );

export const DeleteRoute = (type: Type, done: string) =>
  applyDecorators(
    Delete(':id'),
    ApiOkResponse({ type, description: done }),
    ApiNotFoundResponse({ description: 'no such id' }),
  );

export const ReplaceRoute = (type: Type, refused: string) =>
  applyDecorators(
    Put(':id'),
    ApiOkResponse({ type, description: 'as saved' }),
    ApiBadRequestResponse({ description: `${refused} (the field is named)` }),
    ApiNotFoundResponse({ description: 'no such id' }),
  );
