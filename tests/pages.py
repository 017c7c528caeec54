"""Pages and a loopback web server for the tests of briefer's inputs (no test in here)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# A news article as sites publish it: a cookie banner, a menu, a sidebar, comments and a
# footer around the story, which has a title, a byline, a date and three sections.
ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Rivers of the North: How Melting Glaciers Reshape Water Supply | The Daily Ledger</title>
<meta name="author" content="Maria Lindqvist">
<meta property="article:published_time" content="2024-03-14T08:00:00Z">
<meta name="description" content="Glacial melt is changing river flow across the north.">
</head>
<body>
<div id="cookie-banner" class="cookie-consent">
  <p>We use cookies to improve your experience. By continuing to browse you accept our cookie policy.</p>
  <button>Accept all cookies</button> <button>Manage preferences</button>
</div>
<header class="site-header">
  <a href="/" class="logo">The Daily Ledger</a>
  <nav class="main-nav"><ul>
    <li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
    <li><a href="/science">Science</a></li><li><a href="/sport">Sport</a></li>
    <li><a href="/subscribe">Subscribe today and save 50 percent</a></li>
  </ul></nav>
</header>
<main>
<article class="post">
  <h1 class="entry-title">Rivers of the North: How Melting Glaciers Reshape Water Supply</h1>
  <p class="byline">By <span class="author">Maria Lindqvist</span> · <time datetime="2024-03-14">March 14,
    2024</time></p>
  <div class="entry-content">
  <p>Glaciers across the northern mountains are losing ice faster than at any time since measurements began,
    according to a survey published on Tuesday by the Nordic Hydrology Institute. The loss is changing how
    much water reaches the rivers that towns and farms depend on.</p>
  <p>Researchers measured forty glaciers over twelve summers. Every one of them had retreated, and the average
    glacier lost a fifth of its volume during the period.</p>
  <h2>A brief surge, then decline</h2>
  <p>In the short term, melting ice adds water to rivers. Farmers downstream have seen <em>higher</em> summer
    flows for a decade, and some have expanded irrigation to use them.</p>
  <p>Hydrologists warn that the surge is temporary. Once a glacier shrinks past a certain size, its meltwater
    contribution peaks and then falls away for good.</p>
  <p>The institute estimates that peak water has already passed for a third of the glaciers it studied. For
    the largest ice fields, the peak is expected within the next twenty years.</p>
  <h2>Towns plan for drier summers</h2>
  <p>Several municipalities have begun building reservoirs to store spring runoff. Engineers say storage can
    replace part of the lost glacial supply, but not all of it.</p>
  <ul>
    <li>Reservoirs capture snowmelt in spring and release it in late summer.</li>
    <li>Water meters in homes have cut household use by twelve percent in pilot towns.</li>
    <li>Farmers are switching to crops that need less water in August.</li>
  </ul>
  <p>Officials in the valley town of Storby said the reservoir project would cost more than its entire annual
    budget. They have asked the national government for help with the financing.</p>
  <h2>What comes next</h2>
  <p>The institute plans to repeat its survey every three years. Its director said the results should be read
    as a warning rather than a forecast, because policy choices made now can still soften the impact on
    communities.</p>
  </div>
</article>
<aside class="sidebar">
  <h3>Most read</h3>
  <ul><li><a href="/a">Ten celebrity houses you will not believe</a></li>
  <li><a href="/b">Stock markets rally on surprise rate decision</a></li>
  <li><a href="/c">The best hiking boots of the season, reviewed</a></li></ul>
  <div class="newsletter"><p>Sign up for our newsletter to get the best stories delivered to your inbox every
    morning.</p></div>
</aside>
<section id="comments" class="comments">
  <h3>Comments (3)</h3>
  <div class="comment"><p class="comment-author">riverfan88</p><p>Great article, I have noticed the river near
    my cabin getting lower every August for years now.</p></div>
  <div class="comment"><p class="comment-author">skeptic_joe</p><p>This is all exaggerated, the glaciers have
    always grown and shrunk and nobody should panic about it.</p></div>
  <div class="comment"><p class="comment-author">anna_k</p><p>Does anyone know whether the survey data is
    available to download for schools?</p></div>
</section>
</main>
<footer class="site-footer">
  <p>© 2024 The Daily Ledger. All rights reserved.</p>
  <ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li><li><a
    href="/contact">Contact us</a></li></ul>
</footer>
</body>
</html>
"""

ARTICLE_SECTIONS = [
    "Rivers of the North: How Melting Glaciers Reshape Water Supply",
    "A brief surge, then decline",
    "Towns plan for drier summers",
    "What comes next",
]
# Words from everything around the article; none may reach a briefing.
CHROME = [
    "cookie",
    "Accept all",
    "Subscribe",
    "Most read",
    "celebrity",
    "newsletter",
    "riverfan88",
    "skeptic_joe",
    "exaggerated",
    "download for schools",
    "All rights reserved",
    "Privacy policy",
]

# A blog post in WordPress markup: h3 sections inside blocks, a table, share buttons,
# related posts, comments with a reply form, a widget sidebar and a long cookie bar.
BLOG_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Why our team moved to four-day weeks – Acme
Engineering Blog</title>
<meta name="author" content="Priya Raman"><meta property="og:title" content="Why our team moved to four-day
weeks">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"Why our
team moved to four-day weeks","datePublished":"2025-06-02","author":{"@type":"Person","name":"Priya
Raman"}}</script>
</head><body class="post-template-default single">
<div class="skip-link"><a href="#content">Skip to content</a></div>
<header id="masthead"><div class="site-branding"><p class="site-title"><a href="/">Acme Engineering</a></p><p
class="site-description">Notes from the people who build Acme</p></div>
<nav id="site-navigation"><ul id="primary-menu"><li><a href="/">Home</a></li><li><a
href="/careers">Careers</a></li><li><a href="/open-source">Open source</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main">
<article id="post-42" class="post type-post">
<header class="entry-header"><h1 class="entry-title">Why our team moved to four-day weeks</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published"
datetime="2025-06-02T09:00:00+00:00">June 2, 2025</time></span> <span class="byline">by <span class="author
vcard"><a class="url fn n" href="/author/priya">Priya Raman</a></span></span></div></header>
<div class="entry-content">
<p>Last autumn our platform team of fourteen engineers tried a four-day week for one quarter. We kept the
experiment small on purpose, so that we could undo it quickly if delivery suffered.</p>
<div class="wp-block-group"><h3 class="wp-block-heading">What we measured</h3>
<p>We tracked deployment frequency, the time from commit to production, incidents and a short weekly survey
about focus and fatigue. Nobody was asked to work longer days to make up the hours.</p>
<figure class="wp-block-table"><table><tr><td>Deploys per
week</td><td>31</td><td>34</td></tr></table><figcaption>Table 1: before and after</figcaption></figure>
<p>Deployment frequency went up by ten percent, and lead time stayed flat. Incidents did not change in any way
we could distinguish from noise.</p></div>
<h3 class="wp-block-heading">What surprised us</h3>
<p>Meetings shrank on their own. With one day fewer, people declined invitations that had no agenda, and the
number of recurring meetings fell by a third.</p>
<p>The hardest part was on-call. We had to redesign the rotation so that nobody carried the pager on their day
off.</p>
<h3 class="wp-block-heading">What happens next</h3>
<p>The four-day week is now permanent for the platform team, and two more teams will try it in the autumn. We
will publish their numbers as well.</p>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/c/culture">Culture</a></span> <span
class="tags-links">Tagged <a href="/t/remote">remote</a></span></footer>
</article>
<div class="sharedaddy"><h3>Share this:</h3><ul><li><a href="#">Twitter</a></li><li><a
href="#">LinkedIn</a></li></ul></div>
<div class="jp-relatedposts"><h3>Related</h3><p><a href="/x">How we hire engineers without whiteboard
interviews and why candidates prefer it</a></p></div>
<div id="comments" class="comments-area"><h2 class="comments-title">12 thoughts on “Why our team moved to
four-day weeks”</h2>
<ol class="comment-list"><li class="comment"><article class="comment-body"><footer class="comment-meta"><b
class="fn">Tom</b> says:</footer><div class="comment-content"><p>We tried this at my company and our managers
hated it because they could not reach anyone on Fridays, so it was cancelled after a
month.</p></div></article></li>
<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Lena</b>
says:</footer><div class="comment-content"><p>How did you handle customers in other time zones who expected
answers on the fifth day of the week?</p></div></article></li></ol>
<div id="respond"><h3>Leave a Reply</h3><form><p>Your email address will not be published. Required fields are
marked *</p><textarea></textarea></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">Recent
Posts</h2><ul><li><a href="/a">Migrating four hundred services to a new build system in one
quarter</a></li></ul></section></aside></div>
<footer id="colophon"><div class="site-info">Proudly powered by WordPress | Theme: Twenty
Twenty</div></footer>
<div id="cookie-law-info-bar" class="cli-bar-container"><span>This website uses cookies to improve your
experience while you navigate through the website. Out of these, the cookies that are categorized as necessary
are stored on your browser as they are essential for the working of basic functionalities of the website. We
also use third-party cookies that help us analyze and understand how you use this website.<a role="button"
class="cli_settings_button">Cookie settings</a><a role="button" id="cookie_action_close_header"
class="cli-plugin-button">ACCEPT</a></span></div>
</body></html>
"""

BLOG_SECTIONS = ["Why our team moved to four-day weeks", "What we measured", "What surprised us", "What happens next"]
BLOG_CHROME = [
    "Skip to content",
    "Careers",
    "Deploys per week",
    "Share this",
    "whiteboard",
    "managers hated it",
    "time zones",
    "Leave a Reply",
    "Recent Posts",
    "Proudly powered",
    "cookies",
    "ACCEPT",
]

NO_ARTICLE_HTML = """<!DOCTYPE html>
<html><head><title>Home</title></head>
<body>
<div class="cookie-consent"><p>We use cookies.</p><button>Accept</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/about">About</a></li></ul></nav>
<footer><p>© 2024 Example</p></footer>
</body></html>
"""


Handler = Callable[[BaseHTTPRequestHandler], None]


def send(status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8", **headers: str) -> Handler:
    def respond(request: BaseHTTPRequestHandler) -> None:
        request.send_response(status)
        if content_type:
            request.send_header("Content-Type", content_type)
        request.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            request.send_header(key.replace("_", "-"), value)
        try:
            request.end_headers()
            request.wfile.write(body)
        except OSError:
            pass  # the client gave up first (a timeout test), as it should

    return respond


def redirect(location: str, status: int = 302) -> Handler:
    return send(status, b"", "", Location=location)


def slow(seconds: float, then: Handler) -> Handler:
    def respond(request: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        then(request)

    return respond


def endless(content_type: str = "text/html") -> Handler:
    """A body that never ends and declares no length: only a size limit stops it."""

    def respond(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", content_type)
        request.end_headers()
        chunk = b"<p>" + b"more words " * 1000 + b"</p>\n"
        try:
            for _ in range(100_000):
                request.wfile.write(chunk)
        except OSError:
            pass  # the client stopped reading, as it should

    return respond


def trickle(seconds: float, pause: float = 0.1) -> Handler:
    """A page that arrives a few bytes at a time, never stalling long enough to time out a read."""

    def respond(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.end_headers()
        end = time.monotonic() + seconds
        try:
            while time.monotonic() < end:
                request.wfile.write(b"<p>a few more words</p>\n")
                request.wfile.flush()
                time.sleep(pause)
        except OSError:
            pass

    return respond


class Server:
    def __init__(self, routes: dict[str, Handler]) -> None:
        self.routes = routes
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class _Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(self.path)
                if route is None:
                    send(404, b"<h1>Not found</h1>")(self)
                else:
                    route(self)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@contextmanager
def serve(routes: dict[str, Handler]) -> Iterator[Server]:
    """A web server on 127.0.0.1 only, on a free port, for the length of a test."""
    server = Server(routes)
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
