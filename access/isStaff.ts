import type { Access, FieldAccess } from 'payload'

import { userIsStaff } from './roles'

export const isStaff: Access = ({ req }) => userIsStaff(req)

export const isStaffField: FieldAccess = ({ req }) => userIsStaff(req)
