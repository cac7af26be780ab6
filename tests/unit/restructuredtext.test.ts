import { renderRestructuredText } from '../../src/platform/markup/restructuredtext'

/** Sources are written indented in the tests; this removes the common indentation. */
const rst = (source: string): string => {
  const lines = source.replace(/^\n/, '').split('\n')
  const indents = lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length)
  const common = Math.min(...indents)
  return lines.map((line) => line.slice(common)).join('\n')
}

const render = (source: string): string => renderRestructuredText(rst(source))

describe('section headings', () => {
  it('assigns levels in order of first appearance and gives each heading an id', () => {
    const html = render(`
      Top Title
      =========

      Second Level
      ------------

      Third Level
      ~~~~~~~~~~~

      Back To Second
      --------------
    `)
    expect(html).toContain('<h1 id="top-title">Top Title</h1>')
    expect(html).toContain('<h2 id="second-level">Second Level</h2>')
    expect(html).toContain('<h3 id="third-level">Third Level</h3>')
    expect(html).toContain('<h2 id="back-to-second">Back To Second</h2>')
  })

  it('treats an over- and underlined style as distinct from the underlined-only one', () => {
    const html = render(`
      ======
      Over
      ======

      Under
      =====
    `)
    expect(html).toContain('<h1 id="over">Over</h1>')
    expect(html).toContain('<h2 id="under">Under</h2>')
  })

  it.each(['=', '-', '`', ':', "'", '"', '~', '^', '_', '*', '+', '#', '<', '>'])('accepts %s as an adornment', (ch) => {
    expect(render(`Heading\n${ch.repeat(7)}\n\nText.`)).toBe('<h1 id="heading">Heading</h1>\n<p>Text.</p>')
  })

  it('makes duplicate ids unique', () => {
    const html = render(`
      Notes
      -----

      Notes
      -----
    `)
    expect(html).toContain('<h1 id="notes">Notes</h1>')
    expect(html).toContain('<h1 id="notes-1">Notes</h1>')
  })

  it('renders inline markup in titles and slugs the plain text', () => {
    expect(render('The ``print`` *function*\n========================')).toBe(
      '<h1 id="the-print-function">The <code>print</code> <em>function</em></h1>',
    )
  })

  it('keeps a too-short underline as paragraph text', () => {
    expect(render('Longer title\n--')).toBe('<p>Longer title --</p>')
  })

  it('lets section titles be link targets', () => {
    const html = render(`
      See \`Getting Started\`_.

      Getting Started
      ===============
    `)
    expect(html).toContain('<a href="#getting-started">Getting Started</a>')
  })
})

describe('paragraphs', () => {
  it('joins lines with a space and separates paragraphs on blank lines', () => {
    expect(render('First line\nsecond line.\n\nNext paragraph.')).toBe(
      '<p>First line second line.</p>\n<p>Next paragraph.</p>',
    )
  })

  it('shows raw HTML as text', () => {
    expect(render('<script>alert("x")</script> & <b>bold</b>')).toBe(
      '<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;</p>',
    )
  })
})

describe('bullet lists', () => {
  it.each(['*', '-', '+'])('renders %s items', (bullet) => {
    expect(render(`${bullet} one\n${bullet} two`)).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>')
  })

  it('joins the lines of a multi-line item', () => {
    expect(render('- first line\n  continued\n- second')).toBe(
      '<ul>\n<li>first line continued</li>\n<li>second</li>\n</ul>',
    )
  })

  it('nests lists by indentation', () => {
    const html = render(`
      - outer

        - inner one
        - inner two

      - outer two
    `)
    expect(html).toBe(
      '<ul>\n<li>outer\n<ul>\n<li>inner one</li>\n<li>inner two</li>\n</ul>\n</li>\n<li>outer two</li>\n</ul>',
    )
  })

  it('wraps paragraphs in <p> when an item has several', () => {
    expect(render('- para one\n\n  para two\n- other')).toBe(
      '<ul>\n<li><p>para one</p>\n<p>para two</p></li>\n<li><p>other</p></li>\n</ul>',
    )
  })

  it('starts a new list when the bullet character changes', () => {
    expect(render('- a\n\n* b')).toBe('<ul>\n<li>a</li>\n</ul>\n<ul>\n<li>b</li>\n</ul>')
  })
})

describe('enumerated lists', () => {
  it('renders arabic lists', () => {
    expect(render('1. one\n2. two')).toBe('<ol>\n<li>one</li>\n<li>two</li>\n</ol>')
  })

  it('renders auto-numbered lists', () => {
    expect(render('#. one\n#. two')).toBe('<ol>\n<li>one</li>\n<li>two</li>\n</ol>')
  })

  it.each(['1)', '(1)'])('accepts the %s format', (marker) => {
    const second = marker.replace('1', '2')
    expect(render(`${marker} one\n${second} two`)).toBe('<ol>\n<li>one</li>\n<li>two</li>\n</ol>')
  })

  it('renders alphabetic and roman lists with their type', () => {
    expect(render('a. one\nb. two')).toBe('<ol type="a">\n<li>one</li>\n<li>two</li>\n</ol>')
    expect(render('i. one\nii. two')).toBe('<ol type="i">\n<li>one</li>\n<li>two</li>\n</ol>')
  })

  it('keeps the starting number', () => {
    expect(render('3. three\n4. four')).toBe('<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>')
  })

  it('handles multi-line and nested items', () => {
    const html = render(`
      1. first
         continued

         a. nested

      2. second
    `)
    expect(html).toBe(
      '<ol>\n<li>first continued\n<ol type="a">\n<li>nested</li>\n</ol>\n</li>\n<li>second</li>\n</ol>',
    )
  })

  it('does not mistake a sentence for a list', () => {
    expect(render('A. Einstein was a really\nsmart dude.')).toBe('<p>A. Einstein was a really smart dude.</p>')
  })
})

describe('inline markup', () => {
  it('renders emphasis, strong and literals', () => {
    expect(render('*em* **strong** ``x < y``')).toBe('<p><em>em</em> <strong>strong</strong> <code>x &lt; y</code></p>')
  })

  it('follows the docutils recognition rules', () => {
    expect(render('2*3*4, a**b, "*", snake_case_ and __init__')).toBe(
      '<p>2*3*4, a**b, "*", snake_case_ and __init__</p>',
    )
  })

  it('ignores a start-string between matching quotes or brackets', () => {
    expect(render('"*" and (*) and *real*')).toBe('<p>"*" and (*) and <em>real</em></p>')
  })

  it('honours backslash escapes', () => {
    expect(render('\\*not emphasis\\* and H\\ :sub:`2`\\ O')).toBe('<p>*not emphasis* and H<sub>2</sub>O</p>')
  })

  it('keeps backslashes inside inline literals', () => {
    expect(render('``C:\\path``')).toBe('<p><code>C:\\path</code></p>')
  })

  it('leaves unclosed markup as text', () => {
    expect(render('an *unclosed and ``unclosed')).toBe('<p>an *unclosed and ``unclosed</p>')
  })

  it('renders interpreted text roles', () => {
    const html = render(':code:`len(x)` :emphasis:`em` :strong:`st` :sup:`2` `title` :func:`~os.path.join` `x`:emphasis:')
    expect(html).toBe(
      '<p><code>len(x)</code> <em>em</em> <strong>st</strong> <sup>2</sup> <cite>title</cite> <code>join</code> <em>x</em></p>',
    )
  })

  it('shows the title of Sphinx cross-references', () => {
    expect(render(':ref:`the tutorial <tutorial-index>`')).toBe('<p><em>the tutorial</em></p>')
  })

  it('links PEP and RFC roles', () => {
    expect(render(':pep:`8` :rfc:`2822`')).toBe(
      '<p><a href="https://peps.python.org/pep-0008/">PEP 8</a> <a href="https://tools.ietf.org/html/rfc2822.html">RFC 2822</a></p>',
    )
  })
})

describe('hyperlinks', () => {
  it('renders embedded URIs', () => {
    expect(render('`Python <https://www.python.org/>`_')).toBe('<p><a href="https://www.python.org/">Python</a></p>')
  })

  it('resolves named references against targets anywhere in the document', () => {
    const html = render(`
      Read \`the docs\`_ or docs_.

      .. _the docs: https://docs.python.org/3/
      .. _docs: https://docs.python.org/
    `)
    expect(html).toBe(
      '<p>Read <a href="https://docs.python.org/3/">the docs</a> or <a href="https://docs.python.org/">docs</a>.</p>',
    )
  })

  it('matches reference names case-insensitively', () => {
    expect(render('`PyPI`_\n\n.. _pypi: https://pypi.org/')).toBe('<p><a href="https://pypi.org/">PyPI</a></p>')
  })

  it('reuses the name of an embedded URI', () => {
    expect(render('`Python <https://python.org>`_ and again `Python`_')).toBe(
      '<p><a href="https://python.org">Python</a> and again <a href="https://python.org">Python</a></p>',
    )
  })

  it('follows indirect targets', () => {
    expect(render('`Py`_\n\n.. _Py: python_\n.. _python: https://python.org')).toBe(
      '<p><a href="https://python.org">Py</a></p>',
    )
  })

  it('matches anonymous references to anonymous targets in order', () => {
    expect(render('`one`__ and `two`__\n\n__ https://one.example\n.. __: https://two.example')).toBe(
      '<p><a href="https://one.example">one</a> and <a href="https://two.example">two</a></p>',
    )
  })

  it('links internal targets', () => {
    const html = render('.. _install:\n\nInstalling.\n\nSee install_.')
    expect(html).toContain('<span id="install"></span>')
    expect(html).toContain('<a href="#install">install</a>')
  })

  it('links bare URLs without trailing punctuation', () => {
    expect(render('See https://example.com/a?b=1&c=2. Or (http://example.com/x).')).toBe(
      '<p>See <a href="https://example.com/a?b=1&amp;c=2">https://example.com/a?b=1&amp;c=2</a>. Or (<a href="http://example.com/x">http://example.com/x</a>).</p>',
    )
  })

  it('leaves unknown references as text', () => {
    expect(render('`nowhere`_ and nowhere_')).toBe('<p>nowhere and nowhere_</p>')
  })

  it('never links javascript: URLs', () => {
    const html = render(`
      \`click <javascript:alert(1)>\`_, \`split <java
      script:alert(2)>\`_, evil_ and \`Evil\`_.

      .. _evil: JavaScript:alert(3)
    `)
    expect(html).toBe('<p>click, split, evil and Evil.</p>')
  })

  it('escapes quotes in URLs', () => {
    expect(render('`x <https://e.com/?q="a\'>`_')).toBe('<p><a href="https://e.com/?q=&quot;a&#39;">x</a></p>')
  })
})

describe('literal blocks', () => {
  it('collapses "text::" to "text:" and keeps the indentation of the block', () => {
    expect(render('Example::\n\n    def f():\n        return 1 < 2\n\nAfter.')).toBe(
      '<p>Example:</p>\n<pre><code>def f():\n    return 1 &lt; 2</code></pre>\n<p>After.</p>',
    )
  })

  it('drops " ::" after a space', () => {
    expect(render('Example ::\n\n    code')).toBe('<p>Example</p>\n<pre><code>code</code></pre>')
  })

  it('drops a lone "::" paragraph', () => {
    expect(render('::\n\n    code')).toBe('<pre><code>code</code></pre>')
  })

  it('keeps blank lines inside the block', () => {
    expect(render('::\n\n    a\n\n    b\n')).toBe('<pre><code>a\n\nb</code></pre>')
  })

  it.each(['code-block', 'code', 'sourcecode'])('renders the %s directive with its language', (name) => {
    expect(render(`.. ${name}:: python\n\n   print("<hi>")\n       indented`)).toBe(
      '<pre><code class="language-python">print("&lt;hi&gt;")\n    indented</code></pre>',
    )
  })

  it('skips directive options and works without a language', () => {
    expect(render('.. code-block:: python\n   :linenos:\n\n   x = 1')).toBe(
      '<pre><code class="language-python">x = 1</code></pre>',
    )
    expect(render('.. code::\n\n   x = 1')).toBe('<pre><code>x = 1</code></pre>')
  })

  it('renders doctest blocks', () => {
    expect(render('>>> 1 + 1\n2')).toBe('<pre><code class="language-pycon">&gt;&gt;&gt; 1 + 1\n2</code></pre>')
  })
})

describe('block quotes', () => {
  it('renders indented paragraphs as a quote', () => {
    expect(render('Text.\n\n    Quoted\n    text.')).toBe('<p>Text.</p>\n<blockquote>\n<p>Quoted text.</p>\n</blockquote>')
  })

  it('renders an attribution', () => {
    expect(render('Text.\n\n    Beautiful is better.\n\n    -- Tim Peters')).toContain(
      '<blockquote>\n<p>Beautiful is better.</p>\n<p class="attribution">\u2014Tim Peters</p>\n</blockquote>',
    )
  })

  it('nests by indentation', () => {
    expect(render('Text.\n\n    one\n\n        two')).toBe(
      '<p>Text.</p>\n<blockquote>\n<p>one</p>\n<blockquote>\n<p>two</p>\n</blockquote>\n</blockquote>',
    )
  })
})

describe('comments and unknown directives', () => {
  it('drops comments, including their indented continuation', () => {
    expect(render('.. a comment\n   still the comment\n\nText.')).toBe('<p>Text.</p>')
  })

  it('drops unknown directives and raw HTML', () => {
    expect(render('.. raw:: html\n\n   <script>alert(1)</script>\n\n.. frobnicate:: x\n\n   y\n\nText.')).toBe(
      '<p>Text.</p>',
    )
  })

  it('treats text after an empty comment as a block quote', () => {
    expect(render('..\n\n   quoted')).toBe('<blockquote>\n<p>quoted</p>\n</blockquote>')
  })
})

describe('admonitions', () => {
  it('renders note with its title and body', () => {
    expect(render('.. note:: Mind the\n   gap.\n\n   Second paragraph.')).toBe(
      '<div class="admonition note">\n<p class="admonition-title">Note</p>\n<p>Mind the gap.</p>\n<p>Second paragraph.</p>\n</div>',
    )
  })

  it('renders warning with the body on following lines', () => {
    expect(render('.. warning::\n\n   Do <not> do this.')).toBe(
      '<div class="admonition warning">\n<p class="admonition-title">Warning</p>\n<p>Do &lt;not&gt; do this.</p>\n</div>',
    )
  })

  it('renders generic admonitions with their own title', () => {
    expect(render('.. admonition:: Be careful\n\n   Body.')).toBe(
      '<div class="admonition admonition-be-careful">\n<p class="admonition-title">Be careful</p>\n<p>Body.</p>\n</div>',
    )
  })
})

describe('images', () => {
  it('renders an image with the URI as default alt text', () => {
    expect(render('.. image:: https://example.com/logo.png')).toBe(
      '<img src="https://example.com/logo.png" alt="https://example.com/logo.png">',
    )
  })

  it('uses alt, size and target options and escapes attributes', () => {
    expect(render('.. image:: /logo.png\n   :alt: The "logo"\n   :width: 200px\n   :target: https://python.org')).toBe(
      '<a href="https://python.org"><img src="/logo.png" alt="The &quot;logo&quot;" width="200"></a>',
    )
  })

  it('drops images with unsafe URLs', () => {
    expect(render('.. image:: javascript:alert(1)\n\nText.')).toBe('<p>Text.</p>')
  })

  it('renders figures with a caption', () => {
    expect(render('.. figure:: pic.png\n   :alt: Pic\n\n   The caption.')).toBe(
      '<figure>\n<img src="pic.png" alt="Pic">\n<figcaption><p>The caption.</p></figcaption>\n</figure>',
    )
  })
})

describe('definition lists', () => {
  it('renders terms and definitions', () => {
    expect(render('term\n    Its definition.\nother *term*\n    Another one.')).toBe(
      '<dl>\n<dt>term</dt>\n<dd>Its definition.</dd>\n<dt>other <em>term</em></dt>\n<dd>Another one.</dd>\n</dl>',
    )
  })

  it('renders classifiers and multi-paragraph definitions', () => {
    expect(render('name : str\n    First.\n\n    Second.')).toBe(
      '<dl>\n<dt>name <span class="classifier">str</span></dt>\n<dd><p>First.</p>\n<p>Second.</p></dd>\n</dl>',
    )
  })
})

describe('field lists', () => {
  it('renders fields as a definition list', () => {
    expect(render(':Author: Guido\n:Version: 1.0\n   more')).toBe(
      '<dl class="field-list">\n<dt>Author</dt>\n<dd>Guido</dd>\n<dt>Version</dt>\n<dd>1.0 more</dd>\n</dl>',
    )
  })

  it('does not mistake a role at the start of a line for a field', () => {
    expect(render(':pep:`8` is the style guide.')).toContain('<p><a href="https://peps.python.org/pep-0008/">PEP 8</a> is')
  })
})

describe('tables', () => {
  it('renders simple tables with a header', () => {
    expect(render('=====  =====\nA      B\n=====  =====\n1      *2*\n3      4\n=====  =====')).toBe(
      '<table>\n<thead>\n<tr><th>A</th><th>B</th></tr>\n</thead>\n<tbody>\n<tr><td>1</td><td><em>2</em></td></tr>\n<tr><td>3</td><td>4</td></tr>\n</tbody>\n</table>',
    )
  })

  it('renders grid tables', () => {
    const html = render(`
      +-----+-----+
      | A   | B   |
      +=====+=====+
      | 1   | 2   |
      +-----+-----+
    `)
    expect(html).toContain('<thead>\n<tr><th>A</th><th>B</th></tr>\n</thead>')
    expect(html).toContain('<tr><td>1</td><td>2</td></tr>')
  })

  it('renders list tables', () => {
    const html = render(`
      .. list-table:: Versions
         :header-rows: 1

         * - Name
           - Version
         * - Python
           - 3.14
    `)
    expect(html).toContain('<caption>Versions</caption>')
    expect(html).toContain('<tr><th>Name</th><th>Version</th></tr>')
    expect(html).toContain('<tr><td>Python</td><td>3.14</td></tr>')
  })
})

describe('transitions', () => {
  it('renders a line of punctuation between paragraphs as <hr>', () => {
    expect(render('Before.\n\n----------\n\nAfter.')).toBe('<p>Before.</p>\n<hr>\n<p>After.</p>')
  })

  it('needs at least four characters', () => {
    expect(render('Before.\n\n---\n\nAfter.')).toBe('<p>Before.</p>\n<p>---</p>\n<p>After.</p>')
  })
})

describe('other constructs', () => {
  it('renders footnotes and their references', () => {
    const html = render('Text [1]_ and [#]_.\n\n.. [1] First.\n.. [#] Auto.')
    expect(html).toContain('<a class="footnote-reference" href="#footnote-1">[1]</a>')
    expect(html).toContain('<a class="footnote-reference" href="#footnote-2">[2]</a>')
    expect(html).toContain('<dt id="footnote-1">[1]</dt>\n<dd>First.</dd>')
    expect(html).toContain('<dt id="footnote-2">[2]</dt>\n<dd>Auto.</dd>')
  })

  it('replaces substitutions', () => {
    expect(render('|name| rocks.\n\n.. |name| replace:: *Python*')).toBe('<p><em>Python</em> rocks.</p>')
  })

  it('renders line blocks', () => {
    expect(render('| one\n| two')).toBe(
      '<div class="line-block">\n<div class="line">one</div>\n<div class="line">two</div>\n</div>',
    )
  })

  it('builds a table of contents', () => {
    const html = render('.. contents::\n\nOne\n===\n\nTwo\n---')
    expect(html).toContain('<p class="topic-title">Contents</p>')
    expect(html).toContain('<ul><li><a href="#one">One</a><ul><li><a href="#two">Two</a></li></ul></li></ul>')
  })
})

describe('robustness', () => {
  it('returns an empty string for empty input', () => {
    expect(renderRestructuredText('')).toBe('')
    expect(renderRestructuredText('\n\n  \n')).toBe('')
  })

  it('normalizes Windows line endings and tabs', () => {
    expect(renderRestructuredText('Title\r\n=====\r\n\r\n::\r\n\r\n\tcode\r\n')).toBe(
      '<h1 id="title">Title</h1>\n<pre><code>code</code></pre>',
    )
  })

  it('survives deeply nested input', () => {
    const source = Array.from({ length: 500 }, (_, depth) => `${' '.repeat(depth * 2)}- item`).join('\n\n')
    expect(renderRestructuredText(source)).toContain('<li>item')
  })

  it('renders pathological inline text as escaped text (linear parsing; speed is for benchmarks)', () => {
    const html = renderRestructuredText('*a `b |c a-'.repeat(2000))
    expect(html.startsWith('<p>')).toBe(true)
    expect(html).not.toContain('<em>')
  })
})
