import { capacityAlertSeats } from './registration.service';

describe('capacityAlertSeats (the registrations that take the transaction path)', () => {
  it('lists the seats at which the alert level changes: 50 %, 80 % and 100 % of 100 seats', () => {
    expect(capacityAlertSeats(100)).toEqual([50, 80, 100]);
  });

  it('rounds as capacityAlertLevel does for small sessions', () => {
    expect(capacityAlertSeats(2)).toEqual([1, 2]);
    expect(capacityAlertSeats(3)).toEqual([2, 3]);
    expect(capacityAlertSeats(1)).toEqual([1]);
  });
});
