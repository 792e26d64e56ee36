import { EXTERNAL_IMAGE_LABEL, isAllowedUrl, isSameOrigin, renderMarkdown } from './render-markdown';

const ORIGIN = 'https://yokoten.example';
const render = (md: string) => renderMarkdown(md, { origin: ORIGIN });

/** Every attribute name of every tag, read the way a browser tokenises them (quoted values stay whole). */
function attributeNames(html: string): string[] {
  const names: string[] = [];
  for (const [, attrs] of html.matchAll(
    /<[a-z][a-z0-9]*((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/gi,
  )) {
    for (const [, name] of attrs.matchAll(/\s+([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g))
      names.push(name.toLowerCase());
  }
  return names;
}

describe('renderMarkdown', () => {
  it('renders the Markdown a case body uses: headings, lists, emphasis, tables', () => {
    const html = render(
      '## 背景\n\n- 研修を**毎月**実施\n- 受講者 120 人\n\n| 指標 | 前 | 後 |\n|---|---|---|\n| 受講者数 | 0 | 120 |\n',
    );
    expect(html).toContain('<h2>背景</h2>');
    expect(html).toContain('<li>研修を<strong>毎月</strong>実施</li>');
    expect(html).toContain('<table>');
    expect(html).toContain('<td>受講者数</td>');
  });

  it('keeps single line breaks, as Japanese prose is written', () => {
    expect(render('一行目\n二行目')).toBe('<p>一行目<br>\n二行目</p>\n');
  });

  it('escapes raw HTML, so script tags never reach the page', () => {
    const html = render('<script>alert(1)</script>\n\nあ<script>alert(2)</script>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('cannot produce event-handler attributes', () => {
    const cases = [
      '<img src=x onerror=alert(1)>',
      '![x" onerror="alert(1)](/a.png)',
      '[a](/b "t\\" onmouseover=\\"alert(1)")',
      '![x](/a.png "\\" onload=\\"alert(1)")',
      '<a href="#" onclick="alert(1)">x</a>',
    ];
    for (const md of cases) {
      const html = render(md);
      expect(attributeNames(html).filter((n) => n.startsWith('on'))).toEqual([]);
      expect(html).not.toMatch(/<(script|img[^>]*\ssrc="?x)/i);
    }
  });

  it('drops javascript:, data: and vbscript: links (rendered as text)', () => {
    const cases = [
      '[click](javascript:alert(1))',
      '[click](JAVASCRIPT:alert(1))',
      '[click](jav&#x61;script:alert(1))',
      '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '[click](vbscript:msgbox(1))',
      '<javascript:alert(1)>',
      '![x](data:image/png;base64,iVBORw0KGgo=)',
    ];
    for (const md of cases) {
      const html = render(md);
      expect(html).not.toMatch(/href="\s*(javascript|data|vbscript)/i);
      expect(html).not.toMatch(/src="\s*(javascript|data)/i);
      expect(html).not.toContain('<a ');
      expect(html).not.toContain('<img');
    }
  });

  it('adds rel to every link and opens external ones in a new tab', () => {
    expect(render('[外部](https://example.org/a)')).toBe(
      '<p><a href="https://example.org/a" rel="noopener noreferrer nofollow" target="_blank">外部</a></p>\n',
    );
    expect(render('[事例](/cases/1)')).toBe(
      '<p><a href="/cases/1" rel="noopener noreferrer nofollow">事例</a></p>\n',
    );
    expect(render('[自サイト](https://yokoten.example/cases/1)')).not.toContain('target=');
    expect(render('[問い合わせ](mailto:dx@city.example.jp)')).toContain(
      '<a href="mailto:dx@city.example.jp" rel="noopener noreferrer nofollow">',
    );
  });

  it('linkifies bare URLs with the same rules', () => {
    expect(render('詳しくは https://www.city.kitakyushu.lg.jp/ を参照')).toContain(
      '<a href="https://www.city.kitakyushu.lg.jp/" rel="noopener noreferrer nofollow" target="_blank">',
    );
  });

  it('renders same-origin and relative images as <img>', () => {
    expect(render('![研修の様子](/uploads/a.png)')).toBe(
      '<p><img src="/uploads/a.png" alt="研修の様子" loading="lazy"></p>\n',
    );
    expect(render('![図](https://yokoten.example/uploads/b.png)')).toContain(
      '<img src="https://yokoten.example/uploads/b.png"',
    );
  });

  it('never emits <img> for an external image: a consent placeholder instead', () => {
    for (const src of [
      'https://tracker.example/pixel.png',
      '//tracker.example/pixel.png',
      'http://yokoten.example/a.png',
    ]) {
      const html = render(`![外部の図 "引用"](${src})`);
      expect(html).not.toContain('<img');
      expect(html).toContain(`<span class="external-image" data-src="${src}"`);
      expect(html).toContain('data-alt="外部の図 &quot;引用&quot;"');
      expect(html).toContain(`>${EXTERNAL_IMAGE_LABEL}</span>`);
    }
  });

  it('escapes what goes into the placeholder', () => {
    const html = render('![a"><script>x</script>](https://e.example/"onerror="x.png)');
    expect(html).not.toMatch(/<script/i);
    expect(attributeNames(html)).toEqual(['class', 'data-src', 'data-alt']);
  });

  it('without an origin, only relative URLs count as same-origin', () => {
    expect(renderMarkdown('![a](/x.png)')).toContain('<img');
    expect(renderMarkdown('![a](https://yokoten.example/x.png)')).not.toContain('<img');
  });

  it('honours a custom placeholder label', () => {
    expect(
      renderMarkdown('![a](https://e.example/x.png)', { externalImageLabel: 'External image (click)' }),
    ).toContain('>External image (click)</span>');
  });
});

describe('isAllowedUrl / isSameOrigin', () => {
  it('allows relative, http(s), mailto and tel only', () => {
    for (const ok of [
      '/a',
      'a/b',
      '#top',
      '?q=1',
      'https://x.example',
      'http://x.example',
      'mailto:a@b.jp',
      'tel:0931234567',
    ])
      expect(isAllowedUrl(ok)).toBe(true);
    for (const bad of [
      'javascript:x',
      ' JavaScript:x',
      'java\tscript:x',
      'data:text/html,x',
      'file:///etc/passwd',
      'ftp://x',
      'vbscript:x',
    ])
      expect(isAllowedUrl(bad)).toBe(false);
  });

  it('treats protocol-relative and backslash tricks as external', () => {
    expect(isSameOrigin('/a.png', ORIGIN)).toBe(true);
    expect(isSameOrigin('//evil.example/a.png', ORIGIN)).toBe(false);
    expect(isSameOrigin('/\\evil.example/a.png', ORIGIN)).toBe(false);
    expect(isSameOrigin('https://yokoten.example:8443/a.png', ORIGIN)).toBe(false);
  });
});
