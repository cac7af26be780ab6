import type { Access, FieldAccess } from 'payload'

import { userIsSuperuser } from './roles'

export const isSuperuser: Access = ({ req }) => userIsSuperuser(req)

export const isSuperuserField: FieldAccess = ({ req }) => userIsSuperuser(req)
