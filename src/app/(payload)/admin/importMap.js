import { ReadOnlyField as ReadOnlyField_3fee6bf8fac7c2d7b664121248922b40 } from '../../../../src/platform/admin/ReadOnlyField'
import { ConvertToRichText as ConvertToRichText_ff9a36a9c82064f42a36a163d113e799 } from '../../../../src/platform/markup/admin/ConvertToRichText'
import { MarkupSourceField as MarkupSourceField_a7d5280f203cbf54e6b9c320060695d7 } from '../../../../src/platform/markup/admin/MarkupSourceField'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { FixedToolbarFeatureClient as FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlocksFeatureClient as BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { CodeBlockCode as CodeBlockCode_ed5b973bcebb5a0d96400315e66647f6 } from '../../../../src/platform/markup/admin/CodeBlockCode'
import { codeConverterClient as codeConverterClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { CodeBlockBlockComponent as CodeBlockBlockComponent_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { TableFeatureClient as TableFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
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
  "/src/platform/markup/admin/ConvertToRichText#ConvertToRichText": ConvertToRichText_ff9a36a9c82064f42a36a163d113e799,
  "/src/platform/markup/admin/MarkupSourceField#MarkupSourceField": MarkupSourceField_a7d5280f203cbf54e6b9c320060695d7,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#FixedToolbarFeatureClient": FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlocksFeatureClient": BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/platform/markup/admin/CodeBlockCode#CodeBlockCode": CodeBlockCode_ed5b973bcebb5a0d96400315e66647f6,
  "@payloadcms/richtext-lexical/client#codeConverterClient": codeConverterClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#CodeBlockBlockComponent": CodeBlockBlockComponent_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#TableFeatureClient": TableFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
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
