"""Web pages: fetched from a loopback server the tests start, never from the network."""

from __future__ import annotations

import gzip
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

from briefer.errors import InputError
from briefer.pipeline import LoadOptions, load
from briefer.sources.url import MAX_REDIRECTS, USER_AGENT, fetch, is_url, shown
from conftest import ROOT
from pages import ARTICLE_HTML, ARTICLE_SECTIONS, CHROME, NO_ARTICLE_HTML, endless, redirect, send, serve, slow, trickle

ARTICLE = ARTICLE_HTML.encode("utf-8")
MB = 1024 * 1024


def _declares(length: int):
    """Headers that announce a huge body, and no body: the client must not wait for it."""

    def respond(request):
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", str(length))
        request.end_headers()

    return respond


def _routes() -> dict:
    routes = {
        "/article.html": send(200, ARTICLE),
        "/moved": redirect("/article.html", 301),
        "/loop-a": redirect("/loop-b"),
        "/loop-b": redirect("/loop-a"),
        "/to-ftp": redirect("ftp://127.0.0.1/file.txt"),
        "/to-file": redirect("file:///etc/passwd"),
        "/nowhere-to-go": send(302, b"", ""),
        "/gone": send(410, b"gone"),
        "/broken": send(500, b"oops"),
        "/slow": slow(3, send(200, ARTICLE)),
        "/endless": endless(),
        "/trickle": trickle(5),
        "/declared-huge": _declares(100 * MB),
        "/image.png": send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png"),
        "/data.json": send(200, b'{"a": 1}', "application/json"),
        "/home.html": send(200, NO_ARTICLE_HTML.encode()),
        "/notes.txt": send(200, b"Plain notes from a server. They have two sentences.", "text/plain; charset=utf-8"),
        "/latin1.html": send(
            200,
            ARTICLE_HTML.replace('<meta charset="utf-8">', "")
            .replace("Storby", "Storbyé")
            .encode("latin-1", errors="replace"),
            "text/html; charset=iso-8859-1",
        ),
    }
    routes["/gzip.html"] = send(200, gzip.compress(ARTICLE), Content_Encoding="gzip")
    routes["/bomb.html"] = send(200, gzip.compress(b" " * (20 * MB)), Content_Encoding="gzip")
    routes["/brotli.html"] = send(200, b"\x0b\x02\x80", Content_Encoding="br")
    routes["/download"] = send(200, ARTICLE, "application/octet-stream")
    for n in range(1, MAX_REDIRECTS + 2):
        routes[f"/hop/{n}"] = redirect(f"/hop/{n - 1}")
    routes["/hop/0"] = send(200, ARTICLE)
    return routes


@pytest.fixture(scope="module")
def server():
    with serve(_routes()) as running:
        yield running


def test_article_alone_with_its_sections_and_metadata(server):
    document = load(server.url("/article.html"))
    assert document.input_format == "html"
    assert document.title == "Rivers of the North: How Melting Glaciers Reshape Water Supply"
    assert [s.title for s in document.sections] == ARTICLE_SECTIONS
    assert document.metadata["author"] == "Maria Lindqvist"
    assert document.metadata["date"] == "2024-03-14"
    assert document.metadata["url"] == server.url("/article.html")
    for words in CHROME:
        assert words.lower() not in document.text.lower(), words
    for sentence in document.sentences:
        assert document.text[sentence.start : sentence.end] == sentence.text
    # List items are sentences of their own, not glued to the paragraph around them.
    assert "Farmers are switching to crops that need less water in August." in [s.text for s in document.sentences]


def test_request_names_briefer_and_asks_for_documents(server):
    load(server.url("/article.html"))
    path, headers = server.requests[-1]
    assert path == "/article.html"
    assert headers["user-agent"] == USER_AGENT
    assert "text/html" in headers["accept"]


def test_redirects_are_followed_and_the_final_url_kept(server):
    document = load(server.url("/moved"))
    assert document.source == server.url("/article.html")
    assert len(document.sections) == 4
    chain = load(server.url(f"/hop/{MAX_REDIRECTS}"))
    assert chain.source == server.url("/hop/0")


@pytest.mark.parametrize("path", ["/loop-a", f"/hop/{MAX_REDIRECTS + 1}"])
def test_redirect_loops_and_long_chains_stop(server, path):
    with pytest.raises(InputError, match="too many redirects"):
        load(server.url(path))


def test_redirect_to_another_scheme_is_refused(server):
    with pytest.raises(InputError, match="redirected to a ftp: URL"):
        load(server.url("/to-ftp"))
    with pytest.raises(InputError, match="redirected to a URL that is not http or https"):
        load(server.url("/to-file"))


def test_redirect_without_a_location(server):
    with pytest.raises(InputError, match="HTTP 302 redirect with no address to follow"):
        load(server.url("/nowhere-to-go"))


@pytest.mark.parametrize(
    ("path", "message"), [("/nowhere", "HTTP 404 Not Found"), ("/gone", "HTTP 410"), ("/broken", "HTTP 500")]
)
def test_http_errors_name_the_status(server, path, message):
    with pytest.raises(InputError, match=message) as caught:
        load(server.url(path))
    assert caught.value.message.startswith(server.url(path))


def test_slow_server_times_out(server):
    with pytest.raises(InputError, match=r"timed out after 0\.5 s"):
        fetch(server.url("/slow"), timeout=0.5, max_bytes=MB)


def test_a_page_that_trickles_in_stops_at_the_deadline(server):
    # Each read gets bytes well within the timeout (the page takes 5 s in all): only the
    # deadline for the whole fetch ends it.
    with pytest.raises(InputError, match="timed out after 1 s"):
        fetch(server.url("/trickle"), timeout=1, max_bytes=MB)


def test_endless_body_stops_at_the_size_limit(server):
    with pytest.raises(InputError, match="larger than the 1 MB limit"):
        fetch(server.url("/endless"), max_bytes=MB)


def test_declared_length_over_the_limit_is_refused_before_reading(server):
    with pytest.raises(InputError, match="larger than the 1 MB limit"):
        fetch(server.url("/declared-huge"), max_bytes=MB, timeout=5)


@pytest.mark.parametrize(("path", "kind"), [("/image.png", "image/png"), ("/data.json", "application/json")])
def test_other_content_types_are_refused(server, path, kind):
    with pytest.raises(InputError, match=f"content type {kind}"):
        load(server.url(path))


def test_compressed_pages_are_unpacked_within_the_size_limit(server):
    assert load(server.url("/gzip.html")).title == ARTICLE_SECTIONS[0]
    assert server.requests[-1][1]["accept-encoding"] == "gzip, deflate"
    # 20 MB of spaces packed into 20 KB: the limit counts what the body unpacks to.
    with pytest.raises(InputError, match="larger than the 1 MB limit"):
        fetch(server.url("/bomb.html"), max_bytes=MB)
    with pytest.raises(InputError, match=r"cannot unpack \(br\)"):
        fetch(server.url("/brotli.html"), max_bytes=MB)


def test_an_octet_stream_must_be_a_pdf_unless_the_format_is_given(server):
    with pytest.raises(InputError, match="content type application/octet-stream"):
        load(server.url("/download"))
    assert load(server.url("/download"), LoadOptions(input_format="html")).sections[1].title == ARTICLE_SECTIONS[1]


def test_a_page_without_an_article_is_an_error(server):
    with pytest.raises(InputError, match="no article found"):
        load(server.url("/home.html"))


def test_plain_text_from_a_server(server):
    document = load(server.url("/notes.txt"))
    assert document.input_format == "text"
    assert [s.text for s in document.sentences] == ["Plain notes from a server.", "They have two sentences."]


def test_the_servers_charset_is_honoured(server):
    document = load(server.url("/latin1.html"))
    assert "Storbyé" in document.text


def test_refused_connection(unused_port):
    with pytest.raises(InputError, match="connection refused"):
        fetch(f"http://127.0.0.1:{unused_port}/article.html", max_bytes=MB, timeout=5)


def test_a_host_lookup_that_hangs_meets_the_timeout(monkeypatch):
    looked_up = threading.Event()

    def hanging_lookup(*args, **kwargs):
        looked_up.set()
        time.sleep(5)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", hanging_lookup)
    with pytest.raises(InputError, match=r"slow\.invalid/story: timed out after 0\.5 s"):
        fetch("https://slow.invalid/story", max_bytes=MB, timeout=0.5)
    assert looked_up.is_set()


def test_unknown_host_is_reported_without_a_lookup_on_the_network(monkeypatch):
    def no_such_host(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.raises(InputError, match=r"cannot reach news\.invalid: host not found"):
        fetch("https://news.invalid/story", max_bytes=MB, timeout=5)


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/x.txt", "file:///etc/passwd", "gopher://example.org/"])
def test_other_schemes_are_never_fetched(url):
    assert is_url(url)
    with pytest.raises(InputError, match="only http and https URLs are fetched"):
        load(url)


def test_credentials_are_neither_sent_nor_shown(server):
    with pytest.raises(InputError) as caught:
        load(f"http://reader:hunter2@127.0.0.1:{server.port}/nowhere")
    assert "hunter2" not in caught.value.message
    assert "reader" not in caught.value.message
    path, headers = server.requests[-1]
    assert path == "/nowhere"
    assert "authorization" not in headers
    assert shown("https://a:b@example.org:8443/p?q=1#frag") == "https://example.org:8443/p?q=1"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://", "no host in the URL"),
        ("http://127.0.0.1:port/x", "not a valid URL"),
        ("http://a:b@[::1/x", "not a valid URL"),
    ],
)
def test_malformed_urls(url, message):
    with pytest.raises(InputError, match=message) as caught:
        load(url)
    assert "a:b" not in caught.value.message


def test_paths_that_look_like_urls():
    assert is_url("https://example.org")
    assert not is_url("notes.md")
    assert not is_url("C:\\reports\\a.pdf")
    assert not is_url("weird name: not a url.txt")


# The command, end to end: output, exit codes, one line on stderr, nothing half-written.


def test_brief_url_prints_a_briefing_of_the_article(server, run_brief):
    result = run_brief(server.url("/article.html"), "--format", "json", "--include-text", "-n", "4")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["input_format"] == "html"
    assert [s["title"] for s in data["sections"]] == ARTICLE_SECTIONS
    assert data["metadata"]["author"] == "Maria Lindqvist"
    assert len(data["summary"]) == 4
    for point in data["summary"]:
        assert data["text"][point["start"] : point["end"]] == point["text"]
        for words in CHROME:
            assert words.lower() not in point["text"].lower()


def test_brief_url_text_output_names_author_date_and_address(server, run_brief):
    result = run_brief(server.url("/article.html"), "-f", "markdown", "-n", "2")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert lines[0] == "# Rivers of the North: How Melting Glaciers Reshape Water Supply"
    assert lines[2] == f"Maria Lindqvist · 2024-03-14 · {server.url('/article.html')}"


@pytest.mark.parametrize(
    ("path", "args", "message"),
    [
        ("/nowhere", (), "HTTP 404 Not Found"),
        ("/slow", ("--timeout", "0.5"), "timed out after 0.5 s"),
        ("/endless", ("--max-size", "1"), "larger than the 1 MB limit"),
        ("/image.png", (), "content type image/png"),
        ("/home.html", (), "no article found"),
        ("/loop-a", (), "too many redirects"),
    ],
)
def test_brief_url_errors(server, run_brief, tmp_path, path, args, message):
    target = tmp_path / "out.json"
    result = run_brief(server.url(path), *args, "-f", "json", "-o", str(target))
    assert result.returncode == 3
    stderr = result.stderr.decode()
    assert stderr.startswith("brief: ") and message in stderr
    assert stderr.count("\n") == 1
    assert result.stdout == b""
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".briefer-tmp")]


def test_brief_refuses_other_schemes(run_brief):
    result = run_brief("file:///etc/passwd")
    assert result.returncode == 3
    assert result.stderr.decode() == "brief: file:///etc/passwd: only http and https URLs are fetched, not file:\n"


@pytest.fixture
def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(
    ("sig", "code", "said"), [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")]
)
def test_a_signal_during_a_download_stops_brief_at_once(server, tmp_path, sig, code, said):
    target = tmp_path / "out.md"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    before = len(server.requests)
    process = subprocess.Popen(
        [sys.executable, "-m", "briefer", server.url("/slow"), "--timeout", "60", "-o", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    while not any(path == "/slow" for path, _ in server.requests[before:]):
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)
    process.send_signal(sig)
    _, err = process.communicate(timeout=30)
    assert process.returncode == code
    assert err.decode() == f"brief: {said}\n"
    assert not target.exists()
