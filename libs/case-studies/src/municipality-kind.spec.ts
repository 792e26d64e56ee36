import { DESIGNATED_CITY_CODES, inferMunicipalityKind, isAdministrativeWard } from './municipality-kind';
import { isValidMunicipalityCode } from './municipality-code';

describe('inferMunicipalityKind', () => {
  it('lists the 20 designated cities with valid codes', () => {
    expect(DESIGNATED_CITY_CODES.size).toBe(20);
    for (const code of DESIGNATED_CITY_CODES) expect(isValidMunicipalityCode(code)).toBe(true);
  });

  it.each([
    ['010006', '北海道', 'PREFECTURE'],
    ['401005', '北九州市', 'DESIGNATED_CITY'],
    ['131237', '江戸川区', 'SPECIAL_WARD'],
    ['172065', '加賀市', 'CITY'],
    ['363421', '神山町', 'TOWN'],
    ['336432', '西粟倉村', 'VILLAGE'],
  ])('%s %s → %s', (code, name, kind) => {
    expect(inferMunicipalityKind(code, name)).toBe(kind);
  });

  it('does not treat a designated city’s ward as a local government', () => {
    expect(isAdministrativeWard('札幌市中央区')).toBe(true);
    expect(isAdministrativeWard('江戸川区')).toBe(false);
    expect(inferMunicipalityKind('011011', '札幌市中央区')).toBeUndefined();
  });
});
