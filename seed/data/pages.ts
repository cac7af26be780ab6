/**
 * The demo site's pages, in every markup the pages collection takes, as a
 * hierarchy of paths (a page's parent is the path one segment shorter).
 *
 * Adding a content type (rich text): give at least one page below that
 * content type and its content in the shape the pages collection stores
 * for it; tests/seed/seed.test.ts fails until every type in CONTENT_TYPES
 * has a seeded page.
 */
import { codeBlock, doc, heading, link, list, paragraph, quote } from '../../src/platform/markup/lexicalNodes'
import type { Page } from '../../payload-types'
import type { ContentType } from '../../src/platform/markup/render'

export type PageSpec = {
  /** the source text (every content type but rich text) */
  content: string
  /** the Lexical JSON of a rich text page */
  contentRich?: Page['contentRich']
  contentType: ContentType
  description: string
  isPublished: boolean
  keywords?: string
  path: string
  templateName?: string
  title: string
}

export const PAGES: PageSpec[] = [
  {
    content: `About Python
============

Python is a programming language that lets you work quickly and integrate
systems more effectively. It is developed under an OSI-approved open source
license, making it freely usable and distributable, even for commercial use.

Why Python?
-----------

* **Easy to learn**: readable syntax, batteries included.
* **Runs everywhere**: Windows, macOS, Linux, Android, iOS and more.
* **Friendly community**: conferences, user groups and mailing lists
  all over the world.

Read about \`applications </about/apps/>\`_ and what
\`people say about Python </about/quotes/>\`_.
`,
    contentType: 'RESTRUCTUREDTEXT',
    description: 'What Python is, and why people use it.',
    isPublished: true,
    keywords: 'python, about, programming language',
    path: 'about',
    title: 'About Python',
  },
  {
    content: `Applications for Python
=======================

Python is used successfully in thousands of real-world business
applications around the world, including many large and mission critical
systems.

Web and Internet Development
    Frameworks such as Django and Flask, and a standard library with support
    for HTML, XML, JSON, email and most Internet protocols.

Scientific and Numeric
    NumPy, SciPy, pandas and IPython are the core of a large ecosystem.

Education
    Python is a superb language for teaching programming, both at the
    introductory level and in more advanced courses.
`,
    contentType: 'RESTRUCTUREDTEXT',
    description: 'What Python is used for.',
    isPublished: true,
    path: 'about/apps',
    title: 'Applications for Python',
  },
  {
    content: `# Quotes about Python

> Python has been an important part of our work since the beginning, and
> continues to be as the system grows and evolves.

— *A search engineering team*

> Python is fast enough for our site and allows us to produce maintainable
> features in record times, with a minimum of developers.

— *A web company's lead developer*
`,
    contentType: 'MARKDOWN',
    description: 'What users say about Python.',
    isPublished: true,
    path: 'about/quotes',
    title: 'Quotes about Python',
  },
  {
    content: `# Python for Beginners

Welcome! Are you completely new to programming? If not then we presume you
will be looking for information about why and how to get started with Python.

1. [Download Python](/downloads/) and install it.
2. Work through the official [tutorial](https://docs.python.org/3/tutorial/).
3. Ask questions on the [discussion forum](https://discuss.python.org/).

\`\`\`python
>>> print("Hello, World!")
Hello, World!
\`\`\`
`,
    contentType: 'MARKDOWN',
    description: 'Where to start when you are new to Python.',
    isPublished: true,
    keywords: 'beginners, tutorial, getting started',
    path: 'about/gettingstarted',
    title: 'Python For Beginners',
  },
  {
    content: `<h1>Python Help</h1>
<p>There are many places to get help with Python:</p>
<ul>
  <li><a href="https://docs.python.org/3/">The documentation</a> for the language and its standard library.</li>
  <li><a href="https://discuss.python.org/c/users/7">The users' forum</a>, for questions of any level.</li>
  <li><a href="/community/">Local user groups</a>, which meet all over the world.</li>
</ul>
<p>Found a bug in Python itself? Report it on the <a href="https://github.com/python/cpython/issues">issue tracker</a>.</p>
`,
    contentType: 'HTML',
    description: 'Where to get help with Python.',
    isPublished: true,
    path: 'about/help',
    title: 'Python Help',
  },
  {
    content: `Python Software Foundation
==========================

The mission of the Python Software Foundation is to promote, protect, and
advance the Python programming language, and to support and facilitate the
growth of a diverse and international community of Python programmers.

.. contents:: On this page

Membership
----------

Anyone can become a \`member </psf/membership/>\`_ of the PSF.

Grants
------

The PSF funds workshops, sprints and conferences around the world: see
\`grants </psf/grants/>\`_.
`,
    contentType: 'RESTRUCTUREDTEXT',
    description: 'The Python Software Foundation and its mission.',
    isPublished: true,
    keywords: 'psf, foundation, nonprofit',
    path: 'psf',
    title: 'Python Software Foundation',
  },
  {
    content: `## Our mission

The Python Software Foundation (PSF) is a 501(c)(3) non-profit corporation
that holds the intellectual property rights behind the Python programming
language. We manage the open source licensing for Python version 2.1 and
later and own and protect the trademarks associated with Python.

We also run the North American PyCon conference annually, support other
Python conferences around the world, and fund Python related development with
our grants program.
`,
    contentType: 'MARKDOWN',
    description: 'What the PSF does.',
    isPublished: true,
    path: 'psf/mission',
    title: 'PSF Mission',
  },
  {
    content: `PSF Membership
==============

There are five kinds of members:

#. **Basic members** agree to the code of conduct.
#. **Supporting members** give money to the PSF every year.
#. **Managing members** give time to PSF activities.
#. **Contributing members** work on open source projects that advance Python.
#. **Fellows** are nominated for their contributions and voted in by the board.

Supporting, managing, contributing members and fellows may vote in PSF
elections once they have affirmed their intention to vote.
`,
    contentType: 'RESTRUCTUREDTEXT',
    description: 'Who can become a member of the PSF, and how.',
    isPublished: true,
    path: 'psf/membership',
    title: 'PSF Membership',
  },
  {
    content: `<h1>PSF Grants Program</h1>
<p>The PSF's grants program supports Python events and projects around the world.</p>
<table>
  <thead><tr><th>Kind</th><th>Typical amount</th></tr></thead>
  <tbody>
    <tr><td>Regional conference</td><td>USD 1,000 – 15,000</td></tr>
    <tr><td>Workshop or sprint</td><td>USD 500 – 3,000</td></tr>
  </tbody>
</table>
<p>Apply at least six weeks before the event.</p>
<script>alert("editors' HTML is sanitized: this never runs")</script>
`,
    contentType: 'HTML',
    description: 'Funding for Python events and projects.',
    isPublished: true,
    path: 'psf/grants',
    title: 'PSF Grants Program',
  },
  {
    content: `# Sponsor the PSF

Sponsors fund PyPI, PyCon US, the grants program and the developers in
residence. See the [sponsorship levels](/sponsors/application/) and
[current sponsors](/psf/sponsors/).
`,
    contentType: 'MARKDOWN',
    description: 'How organisations support the PSF.',
    isPublished: true,
    path: 'psf/sponsorship',
    templateName: 'psf/sponsorship.html',
    title: 'Sponsor the PSF',
  },
  {
    content: `Annual Impact Report (draft)
============================

*Not published yet: staff are still writing it.*

Highlights of the year: record PyPI traffic, new developers in residence,
and more grants than ever before.
`,
    contentType: 'RESTRUCTUREDTEXT',
    description: 'Draft of this year\u2019s impact report.',
    isPublished: false,
    path: 'psf/annual-report',
    title: 'Annual Impact Report',
  },
  {
    content: `Community
=========

The Python community is vast, diverse and welcoming. Meet it in
\`user groups </community/workshops/>\`_, on the forums, and at conferences.
`,
    contentType: 'RESTRUCTUREDTEXT',
    description: 'Where to find other Python users.',
    isPublished: true,
    path: 'community',
    title: 'Our Community',
  },
  {
    content: `# Workshops and sprints

Workshops teach Python to newcomers; sprints bring contributors together to
work on open source projects for a few days. Both are eligible for PSF grants.
`,
    contentType: 'MARKDOWN',
    description: 'Learning and contributing together.',
    isPublished: true,
    path: 'community/workshops',
    title: 'Workshops and Sprints',
  },
  {
    content: `<h1>Documentation</h1>
<p>Browse the <a href="https://docs.python.org/3/">Python 3 documentation</a>, including the
<a href="https://docs.python.org/3/tutorial/">tutorial</a>, the
<a href="https://docs.python.org/3/library/">library reference</a> and the
<a href="https://docs.python.org/3/reference/">language reference</a>.</p>
`,
    contentType: 'HTML',
    description: 'Python documentation.',
    isPublished: true,
    path: 'doc',
    title: 'Our Documentation',
  },
  {
    content: `# Python Essays

Essays about Python's design and history, written over the years by the
language's designers and users.
`,
    contentType: 'MARKDOWN',
    description: 'Essays about Python.',
    isPublished: true,
    path: 'doc/essays',
    title: 'Python Essays',
  },
  {
    content: `Downloads
=========

The latest releases of Python for every platform, and every release ever
made, with signatures and checksums.
`,
    contentType: 'RESTRUCTUREDTEXT',
    description: 'Download Python.',
    isPublished: true,
    path: 'downloads',
    templateName: 'downloads/index.html',
    title: 'Download Python',
  },
  {
    content: `Python 3.14.0
=============

Python 3.14.0 is the newest major release of the Python programming language,
and it contains many new features and optimizations compared to Python 3.13.

Major new features
------------------

* Free-threaded Python is officially supported.
* Deferred evaluation of annotations.
* Template string literals (t-strings) for custom string processing.
* A new module, \`\`compression.zstd\`\`, for Zstandard compression.
* Syntax highlighting and color in the default interactive shell.
`,
    contentType: 'RESTRUCTUREDTEXT',
    description: 'Python 3.14.0, the first release of the 3.14 series.',
    isPublished: true,
    path: 'downloads/release/python-3140',
    title: 'Python Release Python 3.14.0',
  },
  {
    content: '',
    contentRich: doc(
      heading('h1', 'Diversity and Inclusion'),
      paragraph(
        'The Python community welcomes everyone. The ',
        link('https://policies.python.org/python.org/code-of-conduct/', 'code of conduct'),
        ' applies to every space the PSF runs.',
      ),
      quote('Come for the language, stay for the community.'),
      heading('h2', 'Ways to take part'),
      list('ul', ['Join a user group near you.'], ['Mentor at a sprint.'], ['Speak at a conference.']),
      codeBlock('python', 'print("Hello, community!")'),
    ),
    contentType: 'RICHTEXT',
    description: 'Diversity and inclusion in the Python community.',
    isPublished: true,
    path: 'community/diversity',
    title: 'Diversity and Inclusion',
  },
]

export type AttachmentSpec = {
  /** the file's name as uploaded */
  filename: string
  kind: 'document' | 'image'
  page: string
  text: string
}

/** Images and documents attached to pages (drawn and written by the seed, offline). */
export const PAGE_ATTACHMENTS: AttachmentSpec[] = [
  { filename: 'python-logo.png', kind: 'image', page: 'about', text: 'The Python logo' },
  {
    filename: 'community-sprint.png',
    kind: 'image',
    page: 'community/workshops',
    text: 'A sprint at a regional conference',
  },
  { filename: 'psf-bylaws.pdf', kind: 'document', page: 'psf', text: 'Bylaws of the Python Software Foundation' },
  { filename: 'grants-guidelines.pdf', kind: 'document', page: 'psf/grants', text: 'Grants program guidelines' },
]
