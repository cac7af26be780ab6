import { OverviewComponent as OverviewComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaTitleComponent as MetaTitleComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaDescriptionComponent as MetaDescriptionComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaImageComponent as MetaImageComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { PreviewComponent as PreviewComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { ReleaseDownloadsChart as ReleaseDownloadsChart_0e6a51357a534615dbb3c3d4a1fee467 } from '../../../../src/downloads/ReleaseDownloadsChart'
import { JobReviewActions as JobReviewActions_b900695bfc8a712c8c141c110cc3a942 } from '../../../../src/jobs/JobReviewActions'
import { ImportCalendarButton as ImportCalendarButton_8dfb837a14b935edf69fbd40f3432d08 } from '../../../../src/events/ImportCalendarButton'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/plugin-seo/client#OverviewComponent": OverviewComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#MetaTitleComponent": MetaTitleComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#MetaDescriptionComponent": MetaDescriptionComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#MetaImageComponent": MetaImageComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#PreviewComponent": PreviewComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "/src/downloads/ReleaseDownloadsChart#ReleaseDownloadsChart": ReleaseDownloadsChart_0e6a51357a534615dbb3c3d4a1fee467,
  "/src/jobs/JobReviewActions#JobReviewActions": JobReviewActions_b900695bfc8a712c8c141c110cc3a942,
  "/src/events/ImportCalendarButton#ImportCalendarButton": ImportCalendarButton_8dfb837a14b935edf69fbd40f3432d08,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
