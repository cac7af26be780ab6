/** The smaller domains' demo content: community posts, success stories, code samples, minutes, banners, work groups. */

export const COMMUNITY_POSTS = [
  {
    author: 'priya',
    content:
      'Forty people came to our **tenth anniversary** meetup! Thanks to everyone who gave a lightning talk.\n\nSlides are linked below.',
    links: [{ caption: 'Slides of the lightning talks', url: 'https://pune-python.example.org/slides/anniversary' }],
    photos: ['Group photo at the anniversary meetup'],
    published: true,
    title: 'Ten years of the Pune Python Meetup',
    videos: [],
  },
  {
    author: 'lars',
    content: 'We sprinted on the documentation of three data libraries and merged **27 pull requests**.',
    links: [],
    photos: ['Sprinters at work'],
    published: true,
    title: 'Documentation sprint in Bergen',
    videos: [{ caption: 'Sprint wrap-up', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }],
  },
  {
    author: 'amara',
    content: 'Notes from teaching Python to adults changing careers: what worked, and what did not.',
    links: [{ caption: 'Course outline', url: 'https://maple-code-academy.example.com/courses/python' }],
    photos: [],
    published: true,
    title: 'Teaching Python to career changers',
    videos: [{ caption: 'Talk recording', url: 'https://vimeo.com/76979871' }],
  },
  {
    author: 'kenji',
    content: 'A draft about our study group, waiting for staff to publish it.',
    links: [],
    photos: [],
    published: false,
    title: 'Our first Kansai study night',
    videos: [],
  },
]

export const STORY_CATEGORIES = [
  'Business',
  'Education',
  'Engineering',
  'Government',
  'Scientific',
  'Software Development',
]

export const SUCCESS_STORIES = [
  {
    author: 'fatima',
    category: 'Scientific',
    company: 'Coral Reef Research Institute',
    content: `Monitoring reefs with Python
============================

Our divers collect thousands of photos a week. A pipeline written in Python
classifies them, and scientists explore the results in notebooks.
`,
    featured: true,
    name: 'Monitoring coral reefs with Python',
    published: true,
  },
  {
    author: 'sofia',
    category: 'Engineering',
    company: 'Northwind Robotics',
    content: `Robots that speak Python
========================

Every robot in our warehouses runs a Python control loop; simulations of the
whole warehouse run overnight on the same code.
`,
    featured: false,
    name: 'Warehouse robotics in Python',
    published: true,
  },
  {
    author: 'amara',
    category: 'Education',
    company: 'Maple Code Academy',
    content: `Teaching with Python
====================

Python's readable syntax lets our students build real projects in their first
month.
`,
    featured: false,
    name: 'A first language for career changers',
    published: true,
  },
  {
    author: 'kenji',
    category: 'Business',
    company: 'Sakura Analytics',
    content: `From spreadsheets to Python
===========================

Submitted by a member, waiting for staff review.
`,
    featured: false,
    name: 'Replacing spreadsheets with Python',
    published: false,
  },
]

export const CODE_SAMPLES = [
  {
    code: `# Python 3: Fibonacci series up to n
>>> def fib(n):
...     a, b = 0, 1
...     while a < n:
...         print(a, end=' ')
...         a, b = b, a+b
...     print()
>>> fib(1000)
0 1 1 2 3 5 8 13 21 34 55 89 144 233 377 610 987`,
    description:
      '## Functions Defined\n\nThe core of extensible programming is defining functions. Python allows mandatory and optional arguments, keyword arguments, and even arbitrary argument lists.',
    title: 'Functions defined',
  },
  {
    code: `# Python 3: List comprehensions
>>> fruits = ['Banana', 'Apple', 'Lime']
>>> loud_fruits = [fruit.upper() for fruit in fruits]
>>> print(loud_fruits)
['BANANA', 'APPLE', 'LIME']

# List and the enumerate function
>>> list(enumerate(fruits))
[(0, 'Banana'), (1, 'Apple'), (2, 'Lime')]`,
    description:
      '## Compound Data Types\n\nLists (known as arrays in other languages) are one of the compound data types that Python understands. Lists can be indexed, sliced and manipulated with other built-in functions.',
    title: 'Compound data types',
  },
  {
    code: `# Python 3: Simple arithmetic
>>> 1 / 2
0.5
>>> 2 ** 3
8
>>> 17 / 3  # classic division returns a float
5.666666666666667
>>> 17 // 3  # floor division
5`,
    description:
      '## Intuitive Interpretation\n\nCalculations are simple with Python, and expression syntax is straightforward: the operators `+`, `-`, `*` and `/` work as expected; parentheses `()` can be used for grouping.',
    title: 'Intuitive interpretation',
  },
  {
    code: `# For loop on a list
>>> numbers = [2, 4, 6, 8]
>>> product = 1
>>> for number in numbers:
...    product = product * number
...
>>> print('The product is:', product)
The product is: 384`,
    description:
      '## All the Flow You\u2019d Expect\n\nPython knows the usual control flow statements that other languages speak \u2014 `if`, `for`, `while` and `range` \u2014 with some of its own twists, of course.',
    title: 'All the flow you would expect',
  },
  {
    code: `# Simple output (with Unicode)
>>> print("Hello, I'm Python!")
Hello, I'm Python!
# Input, assignment
>>> name = input('What is your name?\\n')
What is your name?
Python
>>> print(f'Hi, {name}.')
Hi, Python.`,
    description:
      '## Quick & Easy to Learn\n\nExperienced programmers in any other language can pick up Python very quickly, and beginners find the clean syntax and indentation structure easy to learn.',
    published: false,
    title: 'Quick and easy to learn',
  },
]

/** PSF board meetings (history: absolute dates). */
export const MINUTES = [
  {
    date: '2025-09-10',
    items: ['Approved the budget for the next fiscal year.', 'Discussed the developer-in-residence program.'],
  },
  {
    date: '2025-10-08',
    items: ['Approved grants to four regional conferences.', 'Reviewed the trademark policy update.'],
  },
  { date: '2025-11-12', items: ['Welcomed new Fellows.', 'Heard the PyCon US venue report.'] },
  { date: '2025-12-10', items: ['Approved the election schedule.', 'Discussed infrastructure costs for PyPI.'] },
  { date: '2026-01-14', items: ['Approved the sponsorship catalogue.', 'Reviewed the grants backlog.'] },
  { date: '2026-02-11', items: ['Heard the Code of Conduct Work Group report.', 'Approved a new work group charter.'] },
  {
    date: '2026-03-11',
    items: ['Discussed the annual impact report.', 'Approved the audit committee appointments.'],
    published: false,
  },
]

export const WORK_GROUPS = [
  {
    active: true,
    name: 'Code of Conduct Work Group',
    purpose: 'Maintains the PSF Code of Conduct and handles reports of violations.',
  },
  { active: true, name: 'Grants Work Group', purpose: 'Reviews grant requests and recommends funding to the board.' },
  {
    active: true,
    name: 'Packaging Work Group',
    purpose: 'Supports the Python packaging ecosystem, PyPI and its tools.',
  },
  {
    active: true,
    name: 'Education and Outreach Work Group',
    purpose: 'Helps teach Python in schools and communities.',
  },
  { active: false, name: 'Python Brochure Work Group', purpose: 'Produced the printed Python brochure (finished).' },
]
