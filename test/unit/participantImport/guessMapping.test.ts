import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../main/core/participants/guessMapping';

describe('guessing the column mapping from headers', () => {
  it.each([
    ['en', ['Full name', 'Organisation', 'Type of organization', 'Country', 'Gender', 'Roles', 'E-mail', 'Languages']],
    ['fr', ['Nom complet', 'Organisme', "Type d'organisation", 'Pays', 'Sexe', 'Rôle', 'Courriel', 'Langues']],
    ['es', ['Nombre completo', 'Organización', 'Tipo de organización', 'País', 'Género', 'Rol', 'Correo electrónico', 'Idiomas']],
    ['ru', ['ФИО', 'Организация', 'Тип организации', 'Страна', 'Пол', 'Роль', 'Электронная почта', 'Языки']],
    ['zh', ['姓名', '机构', '机构类型', '国家', '性别', '角色', '电子邮件', '语言']],
    ['ar', ['الاسم', 'المنظمة', 'نوع المنظمة', 'البلد', 'الجنس', 'الدور', 'البريد الإلكتروني', 'اللغات']],
  ])('in %s', (_lang, headers) => {
    expect(guessMapping(headers)).toEqual({
      name: 0,
      organisation: 1,
      orgType: 2,
      country: 3,
      gender: 4,
      roles: 5,
      email: 6,
      languages: 7,
    });
  });

  it.each([
    [['Prénom', 'Nom', 'Courriel'], { givenName: 0, familyName: 1, email: 2 }],
    [['Nombre', 'Apellido', 'Correo'], { givenName: 0, familyName: 1, email: 2 }],
    [['Фамилия', 'Имя', 'E-mail'], { familyName: 0, givenName: 1, email: 2 }],
    [['姓', '名', '邮箱'], { familyName: 0, givenName: 1, email: 2 }],
    [['الاسم الأول', 'اسم العائلة', 'البريد'], { givenName: 0, familyName: 1, email: 2 }],
    [['First name', 'Last name', 'Email address'], { givenName: 0, familyName: 1, email: 2 }],
    [['Given name', 'Surname'], { givenName: 0, familyName: 1 }],
  ])('given and family names: %j', (headers, expected) => {
    expect(guessMapping(headers)).toEqual(expected);
  });

  it.each([
    ['Nom', 'name'],
    ['Nombre', 'name'],
    ['Имя', 'name'],
    ['Name', 'name'],
    ['Apellido', 'familyName'],
    ['Фамилия', 'familyName'],
    ['E-mail', 'email'],
    ['Correo electrónico', 'email'],
    ['Organización', 'organisation'],
    ['Pays', 'country'],
    ['Страна', 'country'],
    ['国家', 'country'],
    ['البلد', 'country'],
    ['Género', 'gender'],
    ['Sexe', 'gender'],
    ['Пол', 'gender'],
    ['性别', 'gender'],
    ['الجنس', 'gender'],
    ['Type of organization', 'orgType'],
    ['Roles', 'roles'],
    ['Idiomas', 'languages'],
    ['  EMAIL  ', 'email'],
    ['E-mail address (work)', 'email'],
    ['Participant email', 'email'],
    ['Name of organisation', 'organisation'],
    ["Organisation's type", 'orgType'],
    ['Country of residence', 'country'],
    ['Nationalité', 'country'],
    ['Nacionalidad', 'country'],
    ['联系邮箱', 'email'],
  ])('%s feeds %s', (header, field) => {
    expect(guessMapping(['Notes', header])).toEqual({ [field]: 1 });
  });

  it('leaves columns it does not recognise unmapped and maps each field once, leftmost first', () => {
    expect(guessMapping(['Badge number', 'Email', 'Email (alternative)', 'Dietary needs', ''])).toEqual({ email: 1 });
  });

  it('reads back what the export writes', () => {
    const exported = ['Name', 'Organisation', 'Organisation type', 'Country', 'Country name', 'Gender', 'Roles', 'Email', 'Languages', 'Checked in at'];
    expect(guessMapping(exported)).toEqual({
      name: 0,
      organisation: 1,
      orgType: 2,
      country: 3,
      gender: 5,
      roles: 6,
      email: 7,
      languages: 8,
    });
  });
});
