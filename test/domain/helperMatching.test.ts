import { findHelpers, interestMatchesTopic, singularOf, topicWords, type HelperCandidate } from '../../src/domain/helperMatching';

const interest = (displayName: string, categories: string[] = [], collaborationTags: string[] = ['askMeAbout']) => ({ displayName, categories, collaborationTags });

describe('matching a topic to an interest', () => {
  it.each([
    // topic, interest name, categories, matches?
    ['Kubernetes', 'Kubernetes', [], true],
    ['kubernetes', 'KUBERNETES', [], true],
    ['Kubernetes', 'Kubernetes operators', [], true],
    ['kubernetes operator', 'Kubernetes operators', [], true],
    ['operators kubernetes', 'Kubernetes operators', [], false],
    ['resume writing', 'Résumé writing', [], true],
    ['Résumé', 'resume', [], true],
    ['cafe', 'Café culture', [], true],
    ['container', 'Containers', [], true],
    ['containers', 'Container', [], true],
    ['technologies', 'Technology', [], true],
    ['box', 'Boxes', [], true],
    ['class', 'Classes', [], true],
    ['analysis', 'Data analysis', [], true],
    ['kube', 'Kubernetes', [], false],
    ['net', 'Networking', [], false],
    ['go', 'Google', [], false],
    ['C#', 'C# programming', [], true],
    ['C', 'C# programming', [], false],
    ['C++', 'C++', [], true],
    ['machine learning', 'Machine-learning', [], true],
    ['Technology', 'Kubernetes', ['Technology'], true],
    ['data science', 'Machine learning', ['Technology', 'Data science'], true],
    ['science', 'Machine learning', ['Data science'], true],
    ['sailing', 'Kubernetes', ['Technology'], false],
  ])('"%s" against "%s" %j → %s', (topic, name, categories, expected) => {
    expect(interestMatchesTopic(interest(name, categories), topicWords(topic))).toBe(expected);
  });

  it.each([
    ['boxes', 'box'],
    ['libraries', 'library'],
    ['classes', 'class'],
    ['kubernetes', 'kubernete'],
    ['bus', 'bus'],
    ['status', 'status'],
    ['analysis', 'analysis'],
    ['cats', 'cat'],
  ])('the singular of %s is %s', (word, singular) => {
    expect(singularOf(word)).toBe(singular);
  });
});

describe('finding helpers', () => {
  type P = { name: string };
  const person = (name: string, ...interests: ReturnType<typeof interest>[]): HelperCandidate<P> => ({ person: { name }, interests });

  it('puts each person once, in their strongest role, with the interest that gave it', () => {
    const result = findHelpers('Kubernetes', [
      person('Ann', interest('Kubernetes', [], ['askMeAbout']), interest('Kubernetes operators', [], ['ableToMentor'])),
      person('Bob', interest('Kubernetes', [], ['wantsToLearn'])),
      person('Cy', interest('Kubernetes', [], ['wantsToImprove', 'askMeAbout'])),
      person('Di', interest('Cloud', ['Kubernetes'], ['wantsToImprove'])),
      person('Ed', interest('Kubernetes', [], [])),
      person('Flo', interest('Gardening', [], ['ableToMentor'])),
    ]);
    if (result.kind !== 'found') throw new Error(`expected helpers, got ${result.kind}`);
    const names = (role: 'mentor' | 'askAbout' | 'studyPartner') => result.helpers[role].map((match) => `${match.person.name}:${match.interestName}`);
    expect(names('mentor')).toEqual(['Ann:Kubernetes operators']);
    expect(names('askAbout')).toEqual(['Cy:Kubernetes']);
    expect(names('studyPartner')).toEqual(['Bob:Kubernetes', 'Di:Cloud']);
  });

  it('says when nothing matches and suggests the broadest word of a longer topic', () => {
    expect(findHelpers('Kubernetes operators', [person('Ann', interest('Kubernetes'))])).toEqual({ kind: 'noMatch', suggestion: 'Kubernetes' });
    expect(findHelpers('Sailing', [person('Ann', interest('Kubernetes'))])).toEqual({ kind: 'noMatch', suggestion: undefined });
    expect(findHelpers('Kubernetes', [])).toEqual({ kind: 'noMatch', suggestion: undefined });
    // A word of the topic is suggested only when it finds someone: never a dead end, never an unrelated word.
    expect(findHelpers('Kubernetes operators', [person('Ann', interest('Sailing'))])).toEqual({ kind: 'noMatch', suggestion: undefined });
    expect(findHelpers('Kubernetes networking', [person('Ann', interest('Networking'))])).toEqual({ kind: 'noMatch', suggestion: 'networking' });
    expect(findHelpers('Kubernetes operators', [person('Ann', interest('Kubernetes', [], []))])).toEqual({ kind: 'noMatch', suggestion: undefined });
  });

  it('does not count an untagged match as help', () => {
    expect(findHelpers('Kubernetes', [person('Ed', interest('Kubernetes', [], []))]).kind).toBe('noMatch');
  });

  it('needs a topic with words', () => {
    expect(findHelpers(' ?! ', [person('Ann', interest('Kubernetes'))])).toEqual({ kind: 'noTopic' });
  });
});
