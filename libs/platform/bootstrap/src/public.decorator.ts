import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'bbws:isPublic';

/** Marks a route that needs no token (health, docs, the public invitation routes). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
