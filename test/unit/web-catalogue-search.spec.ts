import { parseSearch, stringifySearch } from '../../apps/web/src/app/search-params.js';
import { exportHref, validateCatalogueSearch } from '../../apps/web/src/features/catalogue/search.js';

/** The catalogue's view as a link: what the URL says, and what the screen reads back from it. */
describe("the web app's search parameters", () => {
  it('writes plain text, lists comma-separated, and leaves out what is empty', () => {
    expect(
      stringifySearch({ q: 'remittance costs', lead: ['ILO', 'IOM'], agendaItem: [2, 6], overdue: false, sort: undefined, status: [] }),
    ).toBe('?q=remittance+costs&lead=ILO,IOM&agendaItem=2,6&overdue=false');
    expect(stringifySearch({})).toBe('');
    // a comma inside a text value comes back as it was (only lists are split, by the route)
    expect(parseSearch(stringifySearch({ q: 'a, b & c', redirect: '/commitments?lead=ILO' }))).toEqual({
      q: 'a, b & c',
      redirect: '/commitments?lead=ILO',
    });
  });

  it('reads a catalogue link into its view, and drops what the API would refuse rather than failing', () => {
    const read = (query: string) => validateCatalogueSearch(parseSearch(query));
    expect(
      read('?q=remittances&lead=ILO,IOM&agency=UNHCR&agendaItem=2,6&sdgTarget=10.7&status=proposed,completed&overdue=true&sort=-dueDate'),
    ).toEqual({
      q: 'remittances',
      lead: ['ILO', 'IOM'],
      agency: ['UNHCR'],
      agendaItem: [2, 6],
      sdgTarget: ['10.7'],
      status: ['proposed', 'completed'],
      overdue: true,
      sort: '-dueDate',
    });
    expect(read('?lead=ilo,ILO,ILO&agendaItem=0,9,x,3&status=done&overdue=maybe&sort=name&sdgTarget=99.1&page=3')).toEqual({
      lead: ['ILO'],
      agendaItem: [3],
    });
    // code order is the default, left out of links; a page number needs its cursor
    expect(read('?sort=code&page=2&cursor=abc')).toEqual({ cursor: 'abc', page: 2 });
    // what the app passes when it navigates (values, not text) reads the same
    expect(validateCatalogueSearch({ lead: ['ILO'], overdue: false, agendaItem: [4] })).toEqual({
      lead: ['ILO'],
      overdue: false,
      agendaItem: [4],
    });
  });

  it('downloads the same view (filters and order, not the page) as the screen shows', () => {
    expect(exportHref({ q: 'fees', lead: ['ILO', 'IOM'], overdue: true, sort: 'title', cursor: 'abc', page: 2 }, 'csv')).toBe(
      '/api/v1/commitments/export?format=csv&q=fees&lead=ILO,IOM&overdue=true&sort=title',
    );
  });
});
