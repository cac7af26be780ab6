import { ReadOnlyField as ReadOnlyField_3fee6bf8fac7c2d7b664121248922b40 } from '../../../../src/platform/admin/ReadOnlyField'
import { YesNoCell as YesNoCell_2ac1713bdfaf47094b05bb0e1967b900 } from '../../../../src/platform/admin/YesNoCell'
import { OverviewComponent as OverviewComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaTitleComponent as MetaTitleComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaDescriptionComponent as MetaDescriptionComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaImageComponent as MetaImageComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { PreviewComponent as PreviewComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { VersionsView as VersionsView_f486b36910e7efe2038f04712fbe7ab5 } from '../../../../src/platform/history/VersionsView'
import { ReleaseDownloadsChart as ReleaseDownloadsChart_0e6a51357a534615dbb3c3d4a1fee467 } from '../../../../src/downloads/ReleaseDownloadsChart'
import { ImportCalendarButton as ImportCalendarButton_8dfb837a14b935edf69fbd40f3432d08 } from '../../../../src/events/ImportCalendarButton'
import { JobReviewActions as JobReviewActions_b900695bfc8a712c8c141c110cc3a942 } from '../../../../src/jobs/JobReviewActions'
import { WorkflowActions as WorkflowActions_43356de8494d963b6abb8e2dc80527c2 } from '../../../../src/sponsors/WorkflowActions'
import { ElectionStatusFilter as ElectionStatusFilter_1b6d57e7b848ff2efe0ce3d5bb5f7cb2 } from '../../../../src/elections/ElectionStatusFilter'
import { NomineeAcceptanceActions as NomineeAcceptanceActions_ec05b15e18f71088b5f7b0f6532e6f74 } from '../../../../src/elections/NomineeAcceptanceActions'
import { ResendEmailAction as ResendEmailAction_29debdd88323b3c9d70ec457c9d0c0d7 } from '../../../../src/mailing/ResendEmailAction'
import { Icon as Icon_820b282a160f66a12d762803b33252b6 } from '../../../../src/platform/admin/Icon'
import { Logo as Logo_5c329e48665df8b3f0559df05c2ab641 } from '../../../../src/platform/admin/Logo'
import { WaitingWork as WaitingWork_5ea24e87225fedccd842f990c6318975 } from '../../../../src/platform/admin/WaitingWork'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/platform/admin/ReadOnlyField#ReadOnlyField": ReadOnlyField_3fee6bf8fac7c2d7b664121248922b40,
  "/src/platform/admin/YesNoCell#YesNoCell": YesNoCell_2ac1713bdfaf47094b05bb0e1967b900,
  "@payloadcms/plugin-seo/client#OverviewComponent": OverviewComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#MetaTitleComponent": MetaTitleComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#MetaDescriptionComponent": MetaDescriptionComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#MetaImageComponent": MetaImageComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#PreviewComponent": PreviewComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "/src/platform/history/VersionsView#VersionsView": VersionsView_f486b36910e7efe2038f04712fbe7ab5,
  "/src/downloads/ReleaseDownloadsChart#ReleaseDownloadsChart": ReleaseDownloadsChart_0e6a51357a534615dbb3c3d4a1fee467,
  "/src/events/ImportCalendarButton#ImportCalendarButton": ImportCalendarButton_8dfb837a14b935edf69fbd40f3432d08,
  "/src/jobs/JobReviewActions#JobReviewActions": JobReviewActions_b900695bfc8a712c8c141c110cc3a942,
  "/src/sponsors/WorkflowActions#WorkflowActions": WorkflowActions_43356de8494d963b6abb8e2dc80527c2,
  "/src/elections/ElectionStatusFilter#ElectionStatusFilter": ElectionStatusFilter_1b6d57e7b848ff2efe0ce3d5bb5f7cb2,
  "/src/elections/NomineeAcceptanceActions#NomineeAcceptanceActions": NomineeAcceptanceActions_ec05b15e18f71088b5f7b0f6532e6f74,
  "/src/mailing/ResendEmailAction#ResendEmailAction": ResendEmailAction_29debdd88323b3c9d70ec457c9d0c0d7,
  "/src/platform/admin/Icon#Icon": Icon_820b282a160f66a12d762803b33252b6,
  "/src/platform/admin/Logo#Logo": Logo_5c329e48665df8b3f0559df05c2ab641,
  "/src/platform/admin/WaitingWork#WaitingWork": WaitingWork_5ea24e87225fedccd842f990c6318975,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
